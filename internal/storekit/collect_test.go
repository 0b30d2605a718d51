package storekit_test

import (
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestCollect(t *testing.T) {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "collect.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (3), (1), (2)`); err != nil {
		t.Fatal(err)
	}
	scanInt := func(r interface{ Scan(...any) error }) (int, error) {
		var n int
		err := r.Scan(&n)
		return n, err
	}
	collect := func(query string, scan func(interface{ Scan(...any) error }) (int, error)) ([]int, error) {
		rows, err := db.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		return storekit.Collect(rows, scan)
	}
	if got, err := collect(`SELECT n FROM t ORDER BY rowid`, scanInt); err != nil || !reflect.DeepEqual(got, []int{3, 1, 2}) {
		t.Errorf("Collect = %v, %v, want [3 1 2] in order", got, err)
	}
	if got, err := collect(`SELECT n FROM t WHERE n > 9`, scanInt); err != nil || got == nil || len(got) != 0 {
		t.Errorf("Collect of no rows = %#v, %v, want an empty, non-nil slice", got, err)
	}
	bad := errors.New("bad row")
	failOn2 := func(r interface{ Scan(...any) error }) (int, error) {
		n, err := scanInt(r)
		if n == 2 {
			return 0, bad
		}
		return n, err
	}
	if got, err := collect(`SELECT n FROM t ORDER BY n`, failOn2); !errors.Is(err, bad) || got != nil {
		t.Errorf("Collect with a failing row = %v, %v, want nil, %v", got, err, bad)
	}
}

func TestCollectValues(t *testing.T) {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "values.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT 'a' UNION ALL SELECT 'b'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got, err := storekit.CollectValues(rows, func(r interface{ Scan(...any) error }) (*string, error) {
		var s string
		return &s, r.Scan(&s)
	})
	if err != nil || !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("CollectValues = %q, %v, want [a b]", got, err)
	}
}
