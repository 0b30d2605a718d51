package fulltext_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/fulltext"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// benchQueries is a fixed mix of what users type and filter.
var benchQueries = []huiqi.SearchQuery{
	{Text: "孵化器补助"},
	{Text: "高新技术企业 认定 奖励"},
	{Text: "专精特新"},
	{Text: "股改 上市 奖励", Region: "331000"},
	{Region: "331082", RegionMode: huiqi.RegionApplies},
	{Sort: huiqi.SortAmount, MeasureKind: "reward"},
	{Text: "临政办发〔2017〕132号"},
	{Text: "人才", Year: 2017, MinAmount: 1000000},
}

func corpusIndex(b testing.TB) *fulltext.Index {
	b.Helper()
	corpus, err := searchtest.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	ix, err := fulltext.Open(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if err := ix.IndexBatch(context.Background(), corpus); err != nil {
		b.Fatal(err)
	}
	return ix
}

// BenchmarkIndexBatch reports documents per second for a batch of the demo
// corpus into a fresh index (the dictionary is loaded before the clock).
func BenchmarkIndexBatch(b *testing.B) {
	corpus, err := searchtest.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	corpusIndex(b) // loads the dictionary
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ix, err := fulltext.Open(filepath.Join(b.TempDir(), "index"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := ix.IndexBatch(context.Background(), corpus); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		ix.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(corpus))/b.Elapsed().Seconds(), "docs/s")
}

// benchIndex is the index in $HUIQI_BENCH_INDEX (say DIR/index after huiqi
// ingest --data DIR of a huiqi synth corpus), or one of the demo corpus.
func benchIndex(b *testing.B) *fulltext.Index {
	dir := os.Getenv("HUIQI_BENCH_INDEX")
	if dir == "" {
		return corpusIndex(b)
	}
	ix, err := fulltext.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	zhtext.Load()
	return ix
}

// BenchmarkSearch runs the query mix over the demo corpus, or over the
// index in $HUIQI_BENCH_INDEX (say DIR/index after huiqi ingest --data DIR of
// a huiqi synth corpus), and reports the latency percentiles.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	day := time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQueries[i%len(benchQueries)]
		q.Now = day
		start := time.Now()
		if _, err := ix.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkIndexSize reports the on-disk size of an index of the demo
// corpus, built in one batch and closed, against the size of its text.
func BenchmarkIndexSize(b *testing.B) {
	corpus, err := searchtest.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	var size, text int64
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "index")
		ix, err := fulltext.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if err := ix.IndexBatch(context.Background(), corpus); err != nil {
			b.Fatal(err)
		}
		ix.Close()
		size = dirSize(dir)
	}
	for _, p := range corpus {
		text += int64(len(p.Text))
	}
	b.ReportMetric(float64(size)/1e6, "MB")
	b.ReportMetric(float64(size)/float64(text), "index/text")
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// BenchmarkSearchEach times each kind of query on its own, with the caches
// off, over the demo corpus or the index in $HUIQI_BENCH_INDEX: the
// browsing queries whose cost grows with their matches (a common word, all
// statuses, no text at all) beside narrow ones.
func BenchmarkSearchEach(b *testing.B) {
	ix := benchIndex(b)
	ix.SetCaching(false)
	all := []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusExpired, huiqi.StatusDraft, huiqi.StatusSuperseded}
	cases := []struct {
		name string
		q    huiqi.SearchQuery
	}{
		{"common", huiqi.SearchQuery{Text: "补助"}},
		{"common-all-statuses", huiqi.SearchQuery{Text: "补助", Status: all}},
		{"no-text", huiqi.SearchQuery{}},
		{"no-text-all-statuses", huiqi.SearchQuery{Status: all}},
		{"two-words", huiqi.SearchQuery{Text: "孵化器 补助"}},
		{"traditional", huiqi.SearchQuery{Text: "孵化器資金補助"}},
		{"rare-phrase", huiqi.SearchQuery{Text: "5A级旅游景区"}},
		{"docno-all-statuses", huiqi.SearchQuery{Text: "会政办发〔2016〕26号", Status: all}},
		{"sort-amount", huiqi.SearchQuery{Text: "补助", Sort: huiqi.SortAmount}},
		{"kind", huiqi.SearchQuery{MeasureKind: "subsidy"}},
		{"region-applies", huiqi.SearchQuery{Region: "330111", RegionMode: huiqi.RegionApplies}},
	}
	ctx := context.Background()
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := ix.Search(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
