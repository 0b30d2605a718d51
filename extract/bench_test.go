package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
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
