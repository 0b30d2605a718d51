package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
)

// Search rows written before migration 0005 lack the beneficiary types, which
// only Go can sort: search --beneficiary-type misses their policies, migrate
// says to reindex, and serve finds them at start-up, warns with a large store
// and rewrites them with a small one, after which the filter finds them.
func TestServeIndexOutdatedPostgres(t *testing.T) {
	t.Parallel()
	dsn := newPostgres(t)
	must(t, exitOK, "ingest", "--db", dsn, "--quiet", "testdata/docs")
	count := func() int {
		t.Helper()
		r := must(t, exitOK, "search", "--db", dsn, "--beneficiary-type", "platform", "--status", "all", "--json")
		var res struct{ Total int }
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
			t.Fatalf("search --json: %v\n%s", err, r.stdout)
		}
		return res.Total
	}
	want := count()
	if want == 0 {
		t.Fatal("search --beneficiary-type platform finds nothing in testdata/docs: the test tests nothing")
	}
	// The rows as an older huiqi wrote them: layout 0, no 'b' tokens.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE search_docs SET layout = 0,
		facets = ARRAY(SELECT f FROM unnest(facets) f WHERE f NOT LIKE 'b%')`); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("the old rows still hold beneficiary types: %d found", n)
	}
	r := must(t, exitOK, "migrate", "--db", dsn)
	if !strings.Contains(r.stdout, "the search index holds 3 policies written by an older huiqi, without the beneficiary types: run `huiqi reindex --db URL`") {
		t.Errorf("migrate says nothing of the rows to rewrite: %q", r.stdout)
	}
	const reason = "the index holds 3 policies written by an older huiqi, without the beneficiary types"
	out, err := checkServeDB(t, dsn, indexPlan{max: 1})
	if err != nil || !strings.Contains(out, "WARNING: the search index is not in step with the store: "+reason) ||
		!strings.Contains(out, "run `huiqi reindex --db URL` (3 policies)") {
		t.Errorf("large store: err %v, printed %q; want a warning naming huiqi reindex", err, out)
	}
	out, err = checkServeDB(t, dsn, indexPlan{max: 100})
	if err != nil || !strings.Contains(out, "rebuilding the search index of 3 policies: "+reason) {
		t.Errorf("small store: err %v, printed %q; want a rebuild", err, out)
	}
	if n := count(); n != want {
		t.Errorf("after the rebuild search --beneficiary-type platform finds %d, want %d", n, want)
	}
	if out, err := checkServeDB(t, dsn, indexPlan{max: 100}); err != nil || out != "" {
		t.Errorf("after the rebuild: err %v, printed %q", err, out)
	}
}

// checkServeDB opens the PostgreSQL index as serve does and returns what it printed.
func checkServeDB(t *testing.T, dsn string, plan indexPlan) (string, error) {
	t.Helper()
	ctx := context.Background()
	cfg := Config{DBURL: dsn}
	store, err := openStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out strings.Builder
	index, err := openServeIndex(ctx, &out, cfg, store, plan)
	if err == nil {
		index.Close()
	}
	return out.String(), err
}
