package main

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/internal/pgtest"
)

// newPostgres is a throwaway database for one test (see pgtest).
func newPostgres(t *testing.T) string { return pgtest.NewDatabase(t) }

// The CLI works the same on a PostgreSQL server as on the data directory.
func TestPostgres(t *testing.T) {
	t.Parallel()
	dsn := newPostgres(t)
	r := must(t, exitOK, "migrate", "--db", dsn, "status")
	if !strings.Contains(r.stdout, "pending") {
		t.Errorf("migrate status before migrating: %s", r.stdout)
	}
	must(t, exitOK, "migrate", "--db", dsn)
	r = must(t, exitOK, "ingest", "--db", dsn, "testdata/docs")
	if !strings.Contains(r.stdout, "3 created, 0 new versions, 0 unchanged, 0 failed") {
		t.Fatalf("ingest: %s", r.stdout)
	}
	r = must(t, exitOK, "policies", "--db", dsn)
	list := ids(r.stdout)
	if len(list) != 3 {
		t.Fatalf("policies: %s", r.stdout)
	}
	must(t, exitOK, "show", "--db", dsn, list[0])
	must(t, exitFail, "show", "--db", dsn, "0123456789ab")
	r = must(t, exitOK, "ingest", "--db", dsn, "testdata/docs")
	if !strings.Contains(r.stdout, "0 created, 0 new versions, 3 unchanged") {
		t.Errorf("re-ingest: %s", r.stdout)
	}
	r = must(t, exitFail, "policies", "--db", "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if strings.Contains(r.stderr, "secret") {
		t.Errorf("a password was printed: %s", r.stderr)
	}
}
