package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/huiqi-dev/huiqi"
)

// staleData is a data directory of the three test documents, stored and
// indexed, and the folder they were ingested from.
func staleData(t *testing.T) (data, docs string) {
	t.Helper()
	data, docs = t.TempDir(), copyDocs(t)
	must(t, exitOK, "ingest", "--data", data, "--quiet", docs)
	return data, docs
}

// checkServeIndex opens the index as serve does and returns what it printed
// and the number of policies the index then holds.
func checkServeIndex(t *testing.T, data string, plan indexPlan) (string, int, error) {
	t.Helper()
	ctx := context.Background()
	cfg := Config{DataDir: data}
	store, err := openStore(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out strings.Builder
	index, err := openServeIndex(ctx, &out, cfg, store, plan)
	if err != nil {
		return out.String(), 0, err
	}
	defer index.Close()
	n, err := index.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), n, nil
}

func TestServeIndexInStep(t *testing.T) {
	t.Parallel()
	data, _ := staleData(t)
	out, n, err := checkServeIndex(t, data, indexPlan{max: 100})
	if err != nil || out != "" || n != 3 {
		t.Errorf("index in step: err %v, %d indexed, printed %q; want no message and 3", err, n, out)
	}
	out, n, err = checkServeIndex(t, data, indexPlan{force: true, max: 100})
	if err != nil || !strings.Contains(out, "rebuilding the search index of 3 policies: --reindex") || n != 3 {
		t.Errorf("--reindex: err %v, %d indexed, printed %q", err, n, out)
	}
}

// A policy stored without being indexed is found at start-up and, the store
// being small, indexed; a large store is served with a warning instead.
func TestServeIndexBehind(t *testing.T) {
	t.Parallel()
	data, _ := staleData(t)
	must(t, exitOK, "ingest", "--data", data, "--quiet", "--no-index", "testdata/records.jsonl")
	out, n, err := checkServeIndex(t, data, indexPlan{max: 1})
	if err != nil || n != 3 {
		t.Fatalf("large store: err %v, %d indexed; want the index served as it is", err, n)
	}
	for _, w := range []string{"WARNING: the search index is not in step with the store: the store holds 5 policies, the index 3",
		"run `huiqi reindex --data " + data + "` (5 policies), or start it with --reindex"} {
		if !strings.Contains(out, w) {
			t.Errorf("warning %q lacks %q", out, w)
		}
	}
	out, n, err = checkServeIndex(t, data, indexPlan{max: 100})
	if err != nil || n != 5 || !strings.Contains(out, "rebuilding the search index of 5 policies: the store holds 5 policies, the index 3") {
		t.Errorf("small store: err %v, %d indexed, printed %q; want a rebuild to 5", err, n, out)
	}
	r := must(t, exitOK, "search", "--data", data, "--status", "all", "--json")
	if !strings.Contains(r.stdout, `"total": 5`) {
		t.Errorf("after the rebuild search finds:\n%s", r.stdout)
	}
}

// A new version stored without being indexed leaves the counts equal: the
// check of the latest stored versions finds it.
func TestServeIndexOldVersion(t *testing.T) {
	t.Parallel()
	data, docs := staleData(t)
	path := filepath.Join(docs, "zj16.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, "\n本意见自发布之日起施行，由市市场监管局负责解释。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := must(t, exitOK, "ingest", "--data", data, "--quiet", "--no-index", path)
	if !strings.Contains(r.stdout, "1 new version") {
		t.Fatalf("the changed document is not a new version: %s", r.stdout)
	}
	out, n, err := checkServeIndex(t, data, indexPlan{max: 100})
	if err != nil || n != 3 || !strings.Contains(out, "is at version 2 in the store, 1 in the index") {
		t.Errorf("err %v, %d indexed, printed %q; want the old version noticed", err, n, out)
	}
	if out, _, _ := checkServeIndex(t, data, indexPlan{max: 100}); out != "" {
		t.Errorf("after the rebuild: %q", out)
	}
}

// A policy deleted from the store but still indexed is dropped by the rebuild.
func TestServeIndexAhead(t *testing.T) {
	t.Parallel()
	data, _ := staleData(t)
	ctx := context.Background()
	store, err := openStore(ctx, Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1})
	if err == nil {
		err = store.DeletePolicy(ctx, list[0].ID)
	}
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, n, err := checkServeIndex(t, data, indexPlan{max: 100})
	if err != nil || n != 2 || !strings.Contains(out, "the store holds 2 policies, the index 3") {
		t.Errorf("err %v, %d indexed, printed %q; want a rebuild to 2", err, n, out)
	}
}

// An index of another layout is rebuilt when the store is small; when it is
// large serve stops and says what to run.
func TestServeIndexLayout(t *testing.T) {
	t.Parallel()
	data, _ := staleData(t)
	bi, err := bleve.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	// The key the embedded index keeps its layout under (fulltext/index.go).
	// Close does not wait for the batch to reach the disk: its callback does.
	b := bi.NewBatch()
	b.SetInternal([]byte("huiqi_mapping_version"), []byte("0"))
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err = bi.Batch(b); err == nil {
		err = <-persisted
	}
	if cerr := bi.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = checkServeIndex(t, data, indexPlan{max: 1})
	if err == nil || !strings.Contains(err.Error(), "the search index must be rebuilt: it was written by another version of huiqi") ||
		!strings.Contains(err.Error(), "huiqi reindex --data "+data) {
		t.Errorf("large store: err %v; want serve to stop and name huiqi reindex", err)
	}
	out, n, err := checkServeIndex(t, data, indexPlan{max: 100})
	if err != nil || n != 3 || !strings.Contains(out, "rebuilding the search index of 3 policies: it was written by another version") {
		t.Errorf("small store: err %v, %d indexed, printed %q", err, n, out)
	}
}
