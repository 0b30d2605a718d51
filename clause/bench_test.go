package clause

import (
	"os"
	"path/filepath"
	"testing"
)

// benchDocs returns the documents to measure: the shared corpus when it is
// beside the project (as in CI), else this package's testdata.
func benchDocs(b *testing.B) []string {
	b.Helper()
	var files []string
	for _, pattern := range []string{"../../shared/corpus/seeds/*.txt", "../../shared/corpus/zhejiang/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "*.txt"))
	}
	var docs []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	return docs
}

func benchmark(b *testing.B, run func(string)) {
	docs := benchDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			run(d)
		}
	}
}

func BenchmarkCleanParse(b *testing.B) { benchmark(b, func(d string) { Parse(Clean(d)) }) }
func BenchmarkClean(b *testing.B)      { benchmark(b, func(d string) { Clean(d) }) }
func BenchmarkParse(b *testing.B)      { benchmark(b, func(d string) { Parse(d) }) }
