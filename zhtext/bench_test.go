package zhtext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample is the policy text of the extractor's fixtures, read once.
func sample(b *testing.B) string {
	b.Helper()
	files, _ := filepath.Glob("../demo/corpus/zhejiang/*.txt")
	var sb strings.Builder
	for _, f := range files[:min(20, len(files))] {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	return sb.String()
}

func BenchmarkTerms(b *testing.B) {
	s := sample(b)
	Load()
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Terms(s)
	}
}

func BenchmarkNormalize(b *testing.B) {
	s := sample(b)
	Normalize("載入")
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Normalize(s)
	}
}
