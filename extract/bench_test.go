package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
)

// BenchmarkExtract measures extraction throughput on the fixture documents.
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob("testdata/docs/*.txt")
	var docs []huiqi.Document
	size := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, huiqi.Document{Name: p, Text: string(raw)})
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractSharedCorpus measures extraction alone over every document
// of ../shared/corpus (decoded beforehand), the figure the project reports.
// Run with -cpu 1 for the one-core throughput.
func BenchmarkExtractSharedCorpus(b *testing.B) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		b.Skipf("no shared corpus at %s", root)
	}
	var docs []huiqi.Document
	size := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !decode.Supported(p) {
			return err
		}
		ds, err := decode.File(p)
		if err != nil {
			return nil // the corpus has no bad files today; a new one must not stop the benchmark
		}
		for _, doc := range ds {
			docs = append(docs, doc)
			size += len(doc.Text)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportMetric(float64(len(docs)), "docs")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
