package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// FuzzExtract checks that no input makes extraction panic and that every span
// it reports lies inside the text on rune boundaries.
func FuzzExtract(f *testing.F) {
	docs, _ := filepath.Glob("testdata/docs/*.txt")
	for _, p := range docs[:min(4, len(docs))] {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(string(b[:min(len(b), 3000)]))
		}
	}
	f.Add("对新认定的国家级孵化器，分别给予100万元、50万元奖励。每家企业每年最高不超过50万元。")
	f.Add("1.（责任单位：区科技局）2025年达到220家以上，在2022年111家的基础上")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := Extract(huiqi.Document{Name: "fuzz", Text: text})
		if err != nil {
			return
		}
		check := func(what string, s huiqi.Span) {
			if s.Start < 0 || s.End > len(p.Text) || s.Start > s.End {
				t.Fatalf("%s span %v outside text of %d bytes", what, s, len(p.Text))
			}
			if !utf8.ValidString(text) {
				return
			}
			if s.End > s.Start && (!utf8.RuneStart(p.Text[s.Start]) || s.End < len(p.Text) && !utf8.RuneStart(p.Text[s.End])) {
				t.Fatalf("%s span %v not on rune boundaries", what, s)
			}
		}
		for _, m := range p.Measures {
			check("measure", m.Span)
			check("amount", m.AmountSpan)
		}
		for _, tg := range p.Targets {
			check("target", tg.Span)
		}
		for _, tk := range p.Tasks {
			check("task", tk.Span)
		}
		for _, c := range p.Clauses {
			check("clause", c.Span)
		}
	})
}
