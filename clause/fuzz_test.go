package clause

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// seedCorpus adds the testdata documents and tricky snippets to a fuzz corpus.
func seedCorpus(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		"", "\n", "一、", "(一", "第", "第一", "1 .", "——", "I1.", "1、\n2、\n3、",
		"三、重点任务(一)实施1.绘制。2 .推动", "第一章 总则 第一条 甲。", "\xff\xfe一、\r\n(一)",
	} {
		f.Add(s)
	}
}

func FuzzClean(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, in string) {
		out := Clean(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Clean returned invalid UTF-8: %q", out)
		}
		if again := Clean(out); again != out {
			t.Fatalf("Clean not idempotent:\n once %q\ntwice %q", out, again)
		}
		checkTree(t, out, Parse(out))
	})
}

func FuzzParse(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkTree(t, in, Parse(in))
	})
}

// checkTree asserts the invariants of a clause list: spans in range and on rune
// boundaries, head spans inside spans, document order, children inside their
// parents, siblings apart, unique paths.
func checkTree(t *testing.T, text string, cs []huiqi.Clause) {
	t.Helper()
	valid := utf8.ValidString(text)
	seen := map[string]bool{}
	var stack []huiqi.Clause
	for i, c := range cs {
		s, h := c.Span, c.HeadSpan
		if s.Start < 0 || s.Start > h.End || h.End > s.End || s.End > len(text) || h.Start != s.Start {
			t.Fatalf("clause %d %q: bad spans %v %v (len %d)", i, c.Path, s, h, len(text))
		}
		if valid && !(boundary(text, s.Start) && boundary(text, s.End) && boundary(text, h.End)) {
			t.Fatalf("clause %d %q: span %v/%v not on rune boundaries", i, c.Path, s, h)
		}
		if i > 0 && s.Start <= cs[i-1].Span.Start {
			t.Fatalf("clause %d %q starts at %d, not after the previous clause", i, c.Path, s.Start)
		}
		if seen[c.Path] {
			t.Fatalf("duplicate path %q", c.Path)
		}
		seen[c.Path] = true
		for len(stack) >= c.Depth {
			stack = stack[:len(stack)-1]
		}
		if len(stack) != c.Depth-1 {
			t.Fatalf("clause %d %q: depth %d after depth %d", i, c.Path, c.Depth, len(stack))
		}
		if n := len(stack); n > 0 {
			p := stack[n-1]
			if s.Start < p.HeadSpan.End || s.End > p.Span.End {
				t.Fatalf("clause %q %v not inside parent %q %v/%v", c.Path, s, p.Path, p.HeadSpan, p.Span)
			}
		}
		if i > 0 && cs[i-1].Depth >= c.Depth && cs[i-1].Span.End > s.Start {
			t.Fatalf("clause %q overlaps the previous clause %q", c.Path, cs[i-1].Path)
		}
		stack = append(stack, c)
	}
}

func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}
