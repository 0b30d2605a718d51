package propose

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

// capMarker is the wording of an amount's upper bound.
var capMarker = regexp.MustCompile(`最高|不超过|不得超过|上限|限额|封顶|最多`)

// capWords are the words a cap is written with besides its marker and
// amount: whom and how often it bounds (每个企业, 单个项目, 年度, 累计),
// what it bounds (奖励, 申领额度) and hedges (原则上, 一般). They say
// nothing of who may apply.
var capWords = []string{
	"原则上", "一般", "申报周期内", "在", "内", "每个", "单个", "单家", "每家", "同一", "每一",
	"企业", "项目", "单位", "家", "个", "每年", "年度", "当年", "每年度", "年", "累计", "总额", "合计",
	"最高", "不超过", "不得超过", "上限", "限额", "封顶", "最多", "为", "分别", "给予", "可",
	"申领", "额度", "金额", "资金", "补助", "奖励", "资助", "补贴", "扶持", "额", "的",
}

// capOnly reports whether text states only an amount's upper bound
// (每个企业最高不超过50万元, 单个项目最高补助): no condition on the
// applicant, and the amount reader reads the cap already.
func capOnly(text string) bool {
	if !capMarker.MatchString(text) {
		return false
	}
	var b strings.Builder
	pos := 0
	for _, a := range cnum.FindAmounts(text) {
		b.WriteString(text[pos:a.Start])
		pos = a.End
	}
	b.WriteString(text[pos:])
	rest := b.String()
	for _, w := range capWords {
		rest = strings.ReplaceAll(rest, w, "")
	}
	for _, r := range rest {
		if unicode.Is(unicode.Han, r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// capSegments marks the parts of text between commas and stops that
// state only a cap, so that they leave no residue to state as a fact.
func capSegments(text string, mask []bool) {
	start := 0
	for i, r := range text + "，" {
		if !strings.ContainsRune("，,；;。", r) {
			continue
		}
		if i > start && capOnly(text[start:i]) {
			for j := start; j < i; j++ {
				mask[j] = true
			}
		}
		start = i + len(string(r))
	}
}

// capped is the sentence a cap-only measure bounds: the last sentence
// before it in its clause that is not a cap itself (对…的，按…给予奖励。
// 单个企业最高奖励100万元。), without the clause's label.
func capped(p *huiqi.Policy, m *huiqi.Measure) (located, bool) {
	for _, c := range p.Clauses {
		if c.Path != m.ClausePath || c.Span.Start >= m.Span.Start || m.Span.Start > len(p.Text) {
			continue
		}
		from := c.Span.Start
		if strings.HasPrefix(p.Text[from:], c.Label) {
			from += len(c.Label)
		}
		lead := p.Text[from:m.Span.Start]
		for range 3 {
			lead = strings.TrimRight(lead, " \t\n。；;")
			i := strings.LastIndexAny(lead, "。；;\n") + 1
			if s := strings.TrimSpace(lead[i:]); s != "" && !capOnly(s) {
				return located{s, from + strings.Index(lead, s)}, true
			}
			lead = lead[:i]
		}
	}
	return located{}, false
}
