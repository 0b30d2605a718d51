package consult

import (
	"context"
	"testing"
)

// BenchmarkAnswer answers on the longest demo document (台州人才新政三十条,
// 195 clauses).
func BenchmarkAnswer(b *testing.B) {
	ps, err := demoCorpus()
	if err != nil {
		b.Fatal(err)
	}
	p := ps["zj526.txt"]
	Answer(p, "博士来台州工作有什么补贴？", Options{}) // loads the dictionary
	b.ResetTimer()
	for range b.N {
		if _, err := Answer(p, "博士来台州工作有什么补贴？", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreparedAnswer answers on the same document cut once.
func BenchmarkPreparedAnswer(b *testing.B) {
	ps, err := demoCorpus()
	if err != nil {
		b.Fatal(err)
	}
	d := Prepare(ps["zj526.txt"])
	b.ResetTimer()
	for range b.N {
		if _, err := d.Answer(context.Background(), "博士来台州工作有什么补贴？", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
