package fulltext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippetWindowShowsMostMatches(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("构建科技企业梯次孵化体系，", 5) + "对新认定的国家级、省级孵化器，市级财政分别一次性给予孵化器运营机构100万元、50万元资金补助。" + strings.Repeat("完善多元支持机制。", 10)
	got := snippets([]clauseText{{Path: "三/(六)/17", Text: text}}, []string{"孵化器", "补助"}, 3)
	if len(got) != 1 {
		t.Fatalf("%d snippets", len(got))
	}
	s := got[0]
	var marked []string
	for _, m := range s.Marks {
		marked = append(marked, s.Text[m.Start:m.End])
	}
	if !strings.Contains(strings.Join(marked, " "), "补助") || len(marked) < 3 {
		t.Errorf("snippet %q marks %q, want both 孵化器 and 补助", s.Text, marked)
	}
	if !strings.HasPrefix(s.Text, "…") || !strings.HasSuffix(s.Text, "…") {
		t.Errorf("cut snippet without …: %q", s.Text)
	}
}

func TestSnippetFoldsFullWidth(t *testing.T) {
	t.Parallel()
	got := snippets([]clauseText{{Text: "支持５Ｇ基站建设"}}, []string{"5g"}, 1)
	if len(got) != 1 || len(got[0].Marks) != 1 {
		t.Fatalf("%+v", got)
	}
	if m := got[0].Marks[0]; got[0].Text[m.Start:m.End] != "５Ｇ" {
		t.Errorf("marked %q, want ５Ｇ", got[0].Text[m.Start:m.End])
	}
}

func FuzzSnippets(f *testing.F) {
	f.Add("对新认定的孵化器给予资金补助", "孵化器补助")
	f.Add("ＡＢＣ\xff补助", "abc")
	f.Fuzz(func(t *testing.T, text, query string) {
		for _, s := range snippets([]clauseText{{Path: "1", Text: text}}, queryWords(query), 3) {
			for _, m := range s.Marks {
				if m.Start < 0 || m.End > len(s.Text) || m.Start >= m.End {
					t.Fatalf("mark %v outside %q", m, s.Text)
				}
				if !utf8.ValidString(s.Text) {
					continue // an invalid byte is no character to split
				}
				if !utf8.RuneStart(s.Text[m.Start]) || m.End < len(s.Text) && !utf8.RuneStart(s.Text[m.End]) {
					t.Fatalf("mark %v splits a character of %q", m, s.Text)
				}
			}
		}
	})
}
