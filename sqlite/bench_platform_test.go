package sqlite_test

import (
	"cmp"
	"context"
	"database/sql"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
	"github.com/huiqi-dev/huiqi/storetest"
)

// platformSize is the fixture of BenchmarkPlatform: HUIQI_BENCH_PLATFORM
// applications and as many threads, and five times as many audit entries
// (default 20,000; docs/benchmarks.md uses 200,000).
func platformSize(tb testing.TB) storetest.PlatformSize {
	n := 20000
	if v := os.Getenv("HUIQI_BENCH_PLATFORM"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			tb.Fatalf("HUIQI_BENCH_PLATFORM=%q: want a positive number", v)
		}
	}
	return storetest.PlatformSize{Apps: n, Threads: n, Audit: 5 * n}
}

// BenchmarkPlatform seeds a store by direct SQL (one transaction per
// table, a prepared INSERT per row) and runs storetest.BenchPlatform:
//
//	HUIQI_BENCH_PLATFORM=200000 go test -run XXX -bench Platform -count 5 ./sqlite/
func BenchmarkPlatform(b *testing.B) {
	n := platformSize(b)
	db := mustOpen(b)
	b.Cleanup(func() { db.Close() })
	raw, err := sql.Open("sqlite", db.Path())
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	start := time.Now()
	seedPlatform(b, raw, n)
	b.Logf("seeded %d applications, %d threads, %d audit entries in %v", n.Apps, n.Threads, n.Audit, time.Since(start).Round(time.Millisecond))
	logPlans(b, raw)
	storetest.BenchPlatform(b, db, n)
}

// seedPlatform inserts the fixture's rows, as the store would write them.
func seedPlatform(b testing.TB, raw *sql.DB, n storetest.PlatformSize) {
	stamp := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }
	seed(b, raw, `INSERT INTO applications (id, user_id, credit_code, enterprise_name, policy_id, policy_version,
		policy_title, measure_id, measure_name, clause_path, region_code, status, form, expected_min_yuan,
		expected_max_yuan, granted_yuan, revision, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`, n.Apps, func(i int) []any {
		a := storetest.PlatformApp(i)
		return []any{a.ID, a.UserID, a.CreditCode, a.EnterpriseName, a.PolicyID, a.PolicyVersion, a.PolicyTitle,
			a.MeasureID, a.MeasureName, a.ClausePath, a.RegionCode, a.Status, storekit.EncodeForm(a.Form),
			a.ExpectedMinYuan, a.ExpectedMaxYuan, a.Revision, stamp(a.CreatedAt), stamp(a.UpdatedAt)}
	})
	seed(b, raw, `INSERT INTO threads (id, policy_id, policy_title, region_code, user_id, credit_code, question,
		status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, n.Threads, func(i int) []any {
		t := storetest.PlatformThread(i)
		return []any{t.ID, t.PolicyID, t.PolicyTitle, t.RegionCode, t.UserID, t.CreditCode, t.Question, t.Status,
			stamp(t.CreatedAt), stamp(t.UpdatedAt)}
	})
	tx, stmt := prepare(b, raw, `INSERT INTO audit_log (seq, at, actor, action, object, region, detail, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	err := storetest.PlatformAudit(n.Audit, func(e *huiqi.AuditEntry) error {
		_, err := stmt.Exec(e.Seq, stamp(e.At), e.Actor, e.Action, e.Object, e.Region, e.Detail, e.PrevHash, e.Hash)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := raw.Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
}

func seed(b testing.TB, raw *sql.DB, insert string, n int, row func(i int) []any) {
	tx, stmt := prepare(b, raw, insert)
	for i := 0; i < n; i++ {
		if _, err := stmt.Exec(row(i)...); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

func prepare(b testing.TB, raw *sql.DB, insert string) (*sql.Tx, *sql.Stmt) {
	tx, err := raw.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(insert)
	if err != nil {
		b.Fatal(err)
	}
	return tx, stmt
}

// logPlans logs the query plans of the reviewers' queue, the officers'
// thread queue and an applicant's list as the store builds its queries (sqlite/application_list.go).
func logPlans(b *testing.B, raw *sql.DB) {
	queue := ` FROM applications WHERE (region_code GLOB '51*') AND status IN ('submitted', 'resubmitted')`
	country := ` FROM applications WHERE status IN ('submitted', 'resubmitted')`
	// page is the store's query of page 50 (sqlite/application_list.go).
	page := func(table, from string) string {
		return `SELECT * FROM ` + table + ` WHERE rowid IN (SELECT rowid` + from +
			` ORDER BY updated_at DESC, id DESC LIMIT 20 OFFSET 980) ORDER BY updated_at DESC, id DESC`
	}
	for _, q := range []string{
		`SELECT count(*)` + queue,
		page(`applications`, queue),
		`SELECT count(*)` + country,
		page(`applications`, country),
		page(`applications`, ` FROM applications WHERE user_id = 'u_bench00001'`),
		page(`threads`, ` FROM threads WHERE status = 'open' AND (region_code GLOB '51*')`),
	} {
		rows, err := raw.Query(`EXPLAIN QUERY PLAN ` + q)
		if err != nil {
			b.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				b.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		b.Logf("%s\n\t→ %s", q, strings.Join(plan, "; "))
	}
}

// TestListDeferredPage checks the listings' two-level page query, which
// only a listing of more than 256 matches takes: pages of the fixture's
// applications and threads against the rows sorted here.
func TestListDeferredPage(t *testing.T) {
	const n = 700
	db := mustOpen(t)
	defer db.Close()
	raw, err := sql.Open("sqlite", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	seedPlatform(t, raw, storetest.PlatformSize{Apps: n, Threads: n})
	apps, threads := make([]huiqi.Thread, n), make([]huiqi.Thread, n)
	for i := range n {
		a := storetest.PlatformApp(i)
		apps[i], threads[i] = huiqi.Thread{ID: a.ID, UpdatedAt: a.UpdatedAt}, storetest.PlatformThread(i)
	}
	for _, ts := range [][]huiqi.Thread{apps, threads} {
		slices.SortFunc(ts, func(a, b huiqi.Thread) int {
			return cmp.Or(b.UpdatedAt.Compare(a.UpdatedAt), cmp.Compare(b.ID, a.ID))
		})
	}
	for off := 0; off < n; off += 300 {
		got, total, err := db.ListApplications(context.Background(), huiqi.ApplicationFilter{Limit: 100, Offset: off})
		if err != nil || total != n || len(got) != min(100, n-off) {
			t.Fatalf("applications at %d: %d of %d, %v; want %d", off, len(got), total, err, n)
		}
		gotT, total, err := db.ListThreads(context.Background(), huiqi.ThreadFilter{Limit: 100, Offset: off})
		if err != nil || total != n || len(gotT) != len(got) {
			t.Fatalf("threads at %d: %d of %d, %v; want %d", off, len(gotT), total, err, n)
		}
		for i := range got {
			if got[i].ID != apps[off+i].ID || gotT[i].ID != threads[off+i].ID {
				t.Fatalf("row %d: %s and %s, want %s and %s", off+i, got[i].ID, gotT[i].ID, apps[off+i].ID, threads[off+i].ID)
			}
		}
	}
}
