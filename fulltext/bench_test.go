package fulltext_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/fulltext"
	"github.com/huiqi-dev/huiqi/searchtest"
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

func corpusIndex(b *testing.B) *fulltext.Index {
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

// BenchmarkSearch runs the query mix over the demo corpus.
func BenchmarkSearch(b *testing.B) {
	ix := corpusIndex(b)
	ctx := context.Background()
	day := time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQueries[i%len(benchQueries)]
		q.Now = day
		if _, err := ix.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexSize reports the on-disk size of the demo corpus index.
func BenchmarkIndexSize(b *testing.B) {
	corpus, _ := searchtest.Corpus()
	dir := filepath.Join(b.TempDir(), "index")
	ix, err := fulltext.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if err := ix.IndexBatch(context.Background(), corpus); err != nil {
			b.Fatal(err)
		}
	}
	ix.Close()
	var size, text int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			size += fi.Size()
		}
		return nil
	})
	for _, p := range corpus {
		text += int64(len(p.Text))
	}
	b.ReportMetric(float64(size)/1e6, "MB")
	b.ReportMetric(float64(size)/float64(text), "index/text")
}
