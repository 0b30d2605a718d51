package extract

import (
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

// stackingRules are the ways documents say how measures combine.
var stackingRules = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"highest_only", regexp.MustCompile(`就高|从高|择高|择优|取最高|按最高`)},
	{"top_up_difference", regexp.MustCompile(`补足差额|差额(?:补助|奖励|部分)|补齐差额|晋级.{0,10}差额`)},
	{"no_duplicate", regexp.MustCompile(`不重复|不得重复|不再重复|不同时享受|不得同时享受|不可同时享受|只能享受|只享受一|选择一项|不叠加|不累加`)},
	{"total_cap", regexp.MustCompile(`(?:累计|合计|总额|总计|年度|每年)[^，,。；]{0,12}(?:不超过|最高|不得超过|封顶)[^，,。；]{0,6}\d`)},
}

// findStacking returns the stacking rules the document states.
func findStacking(d *doc) []huiqi.StackingRule {
	var out []huiqi.StackingRule
	for _, s := range d.sentences {
		t := d.str(s)
		if !stackingHint(t) {
			continue
		}
		for _, r := range stackingRules {
			if !r.re.MatchString(t) {
				continue
			}
			sr := huiqi.StackingRule{Kind: r.kind, Text: t, Span: huiqi.Span{Start: s.start, End: s.end}}
			if c := d.clauseAt(s.start); c != nil {
				sr.ClausePath = c.Path
			}
			if r.kind == "total_cap" {
				loc := r.re.FindStringIndex(t)
				if as := cnum.FindAmounts(t[loc[0]:]); len(as) > 0 {
					y := as[0].Yuan
					sr.CapYuan = &y
				} else {
					continue
				}
			}
			out = append(out, sr)
			break
		}
	}
	return out
}

// stackingHints are words one of which every stacking rule contains; checking
// them first keeps the regular expressions off most sentences.
var stackingHints = []string{"就高", "从高", "择高", "择优", "最高", "重复", "同时享受", "只能", "只享受", "选择一", "叠加", "累加", "差额", "不超过", "封顶"}

func stackingHint(t string) bool {
	for _, h := range stackingHints {
		if strings.Contains(t, h) {
			return true
		}
	}
	return false
}
