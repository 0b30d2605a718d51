package propose

import (
	"testing"
	"unicode/utf8"
)

// FuzzRead: any text reads without panicking, every condition's span lies
// within the text and holds the words it names, and what is read parses as
// a rule.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"新认定的国家、省、嘉兴市级科技企业孵化器（加速器）", "年研发投入300万元以上", "年销售收入首次达到1亿元、5亿元、10亿元",
		"职工人数100人以上", "规上工业企业", "国家体育产业示范基地、高新技术企业", "（", "以上", "新认定的",
	} {
		f.Add(s, 0, 1)
	}
	f.Fuzz(func(t *testing.T, text string, k, n int) {
		if !utf8.ValidString(text) || n < 1 || n > 20 || k < 0 || k >= n {
			return
		}
		r := reader{k: k, n: n}
		conds := r.read(text, 10)
		for _, c := range conds {
			if c.Span.Start < 10 || c.Span.End > 10+len(text) || c.Span.Start > c.Span.End || text[c.Span.Start-10:c.Span.End-10] != c.Text {
				t.Fatalf("%q: span %v outside the text or not %q", text, c.Span, c.Text)
			}
		}
		if len(conds) == 0 {
			return // Propose then declares the measure's whole sentence
		}
		pr := &Proposal{ID: "m_x_1_1", Name: "x", Region: National, Title: "t", Conds: conds}
		nameDeclarations(pr)
		if _, err := pr.Set(); err != nil {
			t.Fatalf("%q: %v\n%s", text, err, pr.YAML())
		}
	})
}
