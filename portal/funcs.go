package portal

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/diff"
)

// funcs are the template functions of every page.
var funcs = template.FuncMap{
	"wan":        wan,
	"amount":     measureAmount,
	"date":       dateLabel,
	"status":     statusLabel,
	"kind":       kindLabel,
	"anchor":     anchor,
	"highlight":  highlight,
	"join":       strings.Join,
	"excerpt":    excerpt,
	"facetTitle": facetTitle,
	"facetLabel": facetLabel,
	"add":        func(a, b int) int { return a + b },
	"issuedOn":   issuedOn,
	"lineop":     lineOp,
	"size":       fileSize,
	"fields":     fieldChanges,
	"region":     regionLabel,
}

// wan formats yuan in 万元 as policy texts do, and in 亿元 from one 亿 up
// ("1000000万元" is hard to read), "—" for none.
func wan(yuan int64) string {
	switch {
	case yuan <= 0:
		return "—"
	case yuan >= 1e8:
		return strconv.FormatFloat(float64(yuan)/1e8, 'f', -1, 64) + "亿元"
	case yuan < 1e4:
		return strconv.FormatInt(yuan, 10) + "元" // 1500元, not 0.15万元
	}
	return diff.Wan(yuan)
}

// fileSize formats a byte count for people.
func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// measureAmount says what a measure gives: an amount, a cap, or a rate.
func measureAmount(m huiqi.Measure) string {
	switch {
	case m.AmountYuan != nil && m.AmountIsCap:
		return "最高" + wan(*m.AmountYuan)
	case m.AmountYuan != nil:
		return wan(*m.AmountYuan)
	case m.CapYuan != nil:
		return "最高" + wan(*m.CapYuan)
	case m.Rate != nil:
		return strconv.FormatFloat(*m.Rate*100, 'f', -1, 64) + "%"
	}
	return "—"
}

func dateLabel(d huiqi.Date) string {
	if d.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// issuedOn is the date a portal shows as 发布日期: issued, else published.
func issuedOn(p *huiqi.Policy) huiqi.Date {
	if !p.IssuedOn.IsZero() {
		return p.IssuedOn
	}
	return p.PublishedOn
}

var statusLabels = map[huiqi.PolicyStatus]string{
	huiqi.StatusInForce:    "现行有效",
	huiqi.StatusExpired:    "已失效",
	huiqi.StatusDraft:      "征求意见稿",
	huiqi.StatusSuperseded: "已废止",
}

func statusLabel(s huiqi.PolicyStatus) string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

var kindLabels = map[string]string{
	"subsidy": "补助", "reward": "奖励", "grant": "资助", "interest_subsidy": "贴息",
	"voucher": "创新券", "fund": "专项资金", "loan": "贷款担保", "tax": "税收优惠",
	"in_kind": "场地支持", "other": "其他",
}

func kindLabel(k huiqi.MeasureKind) string {
	if l, ok := kindLabels[string(k)]; ok {
		return l
	}
	return string(k)
}

// anchor is the id of a clause's element: c-<path>.
func anchor(path string) string { return "c-" + path }

// highlight marks a snippet's matched byte ranges, escaping everything else.
func highlight(s huiqi.Snippet) template.HTML {
	var b strings.Builder
	pos := 0
	for _, m := range s.Marks {
		if m.Start < pos || m.End > len(s.Text) || m.Start >= m.End || !runeStart(s.Text, m.Start) || !runeStart(s.Text, m.End) {
			continue // overlapping, out of range or inside a character: skip it
		}
		b.WriteString(template.HTMLEscapeString(s.Text[pos:m.Start]))
		b.WriteString("<mark>" + template.HTMLEscapeString(s.Text[m.Start:m.End]) + "</mark>")
		pos = m.End
	}
	b.WriteString(template.HTMLEscapeString(s.Text[pos:]))
	return template.HTML(b.String())
}

// excerpt shortens text to n characters.
func excerpt(n int, s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// lineOp names a diff line's operation for CSS.
func lineOp(op byte) string {
	switch op {
	case '+':
		return "ins"
	case '-':
		return "del"
	}
	return "same"
}

// runeStart reports whether byte i of s starts a character (or is its end).
func runeStart(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }
