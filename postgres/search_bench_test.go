package postgres_test

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/extract"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/zhtext"
)

var (
	demoOnce     sync.Once
	demoPolicies []*huiqi.Policy
	demoRaw      [][]byte
	demoErr      error
)

// demoCorpus extracts the bundled demo corpus once per test binary.
func demoCorpus(tb testing.TB) []*huiqi.Policy {
	tb.Helper()
	demoOnce.Do(func() {
		demoErr = fs.WalkDir(demo.Corpus(), ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(name) != ".txt" {
				return err
			}
			data, err := fs.ReadFile(demo.Corpus(), name)
			if err != nil {
				return err
			}
			docs, err := decode.Bytes(name, data)
			if err != nil {
				return err
			}
			for _, doc := range docs {
				p, err := extract.Extract(doc)
				if err != nil {
					return err
				}
				demoPolicies, demoRaw = append(demoPolicies, p), append(demoRaw, doc.Raw)
			}
			return nil
		})
	})
	if demoErr != nil {
		tb.Fatalf("demo corpus: %v", demoErr)
	}
	return demoPolicies
}

// storeDemo saves the demo corpus in a fresh database and returns the store
// and the saved policies (with their IDs).
func storeDemo(tb testing.TB) (*postgres.DB, []*huiqi.Policy) {
	tb.Helper()
	db := mustOpen(tb, newDatabase(tb))
	tb.Cleanup(func() { db.Close() })
	var saved []*huiqi.Policy
	for i, p := range demoCorpus(tb) {
		c := *p
		if _, err := db.SavePolicy(context.Background(), &c, demoRaw[i]); err != nil {
			tb.Fatalf("save %s: %v", c.Title, err)
		}
		saved = append(saved, &c)
	}
	return db, saved
}

// benchQueries is the fixed query mix: words, a Traditional query, a
// single character, filters alone, and text with filters and sorts.
var benchQueries = []huiqi.SearchQuery{
	{Text: "孵化器补助"},
	{Text: "孵化器補助"},
	{Text: "专精特新 奖励"},
	{Text: "人才"},
	{Text: "奖"},
	{Region: "330100"},
	{Region: "330000", RegionMode: huiqi.RegionApplies, Sort: huiqi.SortAmount},
	{Text: "企业", Region: "330000", MeasureKind: "reward"},
	{Text: "研发费用", Sort: huiqi.SortDate},
	{MinAmount: 1000000, Status: []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusExpired}},
}

// BenchmarkSearchIndex indexes the demo corpus one policy at a time;
// docs/s is the figure.
func BenchmarkSearchIndex(b *testing.B) {
	_, saved := storeDemo(b)
	db := mustOpen(b, newDatabase(b))
	defer db.Close()
	ix := db.SearchIndex()
	zhtext.Load()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, p := range saved {
			if err := ix.Index(context.Background(), p); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkSearchIndexBatch indexes the demo corpus in batches of 64, as
// ingest and reindex do.
func BenchmarkSearchIndexBatch(b *testing.B) {
	_, saved := storeDemo(b)
	db := mustOpen(b, newDatabase(b))
	defer db.Close()
	ix := db.SearchIndex()
	zhtext.Load()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for start := 0; start < len(saved); start += 64 {
			batch := saved[start:min(start+64, len(saved))]
			if err := ix.IndexBatch(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			n += len(batch)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkSearchQuery runs the query mix over the indexed demo corpus and
// reports the latency percentiles of single queries.
func BenchmarkSearchQuery(b *testing.B) {
	db, saved := storeDemo(b)
	ix := db.SearchIndex()
	for _, p := range saved {
		if err := ix.Index(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := ix.Search(context.Background(), benchQueries[i%len(benchQueries)]); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}
