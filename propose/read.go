package propose

import (
	"strings"
	"unicode"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

// reader reads the conditions of one measure's texts.
type reader struct {
	since huiqi.Date // the policy's window start, for 新认定
	k, n  int        // the measure's place among those of its sentence
	at    int        // the offset of the text being read
	// region and regionName are the policy's (none for national ones):
	// what 注册地在我市 is read as.
	region, regionName string
}

// piece is a condition read from a text and the bytes it consumed.
type piece struct {
	cond       Cond
	start, end int
}

// read returns the conditions of text (at its offset in Policy.Text): the
// generic compliance statements it makes (declarations), the
// certifications, thresholds and sizes it names, and a stated fact for
// whatever else it says — unknown until the applicant answers; a cap on
// the amount (每个企业最高不超过50万元) is none of these. A text
// joining conditions by 或 is not read: it becomes one stated fact, since
// reading its parts as all required would be a guess.
func (r *reader) read(text string, at int) []Cond {
	r.at = at
	if capOnly(text) { // the amount's cap, read with the amount
		return nil
	}
	mask := make([]bool, len(text))
	capSegments(text, mask)
	var out, decls []Cond
	take := func(ps []piece) {
		for _, p := range ps {
			if overlaps(decls, at+p.start, at+p.end) {
				continue // within a compliance statement
			}
			c := p.cond
			c.Span = huiqi.Span{Start: at + p.start, End: at + p.end}
			c.Text = text[p.start:p.end]
			out = append(out, c)
			for i := p.start; i < p.end; i++ {
				mask[i] = true
			}
		}
	}
	take(r.compliant(text))
	decls = out
	if strings.Contains(unread(text, mask), "或") {
		return []Cond{fact(text, at)}
	}
	take(r.certs(text))
	take(r.numbers(text))
	take(employees(text))
	take(r.industries(text, mask))
	take(ages(text))
	take(r.regions(text, mask))
	for off := 0; ; { // 首次 (for the first time) is never read from data
		i := strings.Index(text[off:], "首次")
		if i < 0 {
			break
		}
		at := off + i
		off = at + len("首次")
		if isNewWord(text[at:]) {
			continue // 首次认定: read as 新认定
		}
		for j := at; j < off; j++ {
			mask[j] = false
		}
	}
	for _, a := range cnum.FindAmounts(text) { // the award's amount is no condition
		for j := a.Start; j < a.End; j++ {
			mask[j] = true
		}
	}
	if residual(text, mask) {
		out = append(withoutAlternative(out, text), fact(text, at))
	}
	return out
}

// withoutAlternative drops the conditions that offer the fact of text as
// an alternative (a title in a list with other items): once the fact is
// required on its own, "the title or the fact" adds nothing.
func withoutAlternative(cs []Cond, text string) []Cond {
	out := cs[:0]
	for _, c := range cs {
		alt := false
		for _, ch := range c.Children {
			alt = alt || c.Kind == CondAny && ch.Kind == CondStated && ch.Text == text
		}
		if !alt {
			out = append(out, c)
		}
	}
	return out
}

// overlaps reports whether [start, end) overlaps a condition's span.
func overlaps(cs []Cond, start, end int) bool {
	for _, c := range cs {
		if start < c.Span.End && c.Span.Start < end {
			return true
		}
	}
	return false
}

// unread is text without the bytes read.
func unread(text string, mask []bool) string {
	var b strings.Builder
	for i, r := range text {
		if !mask[i] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// declaration is a compliance statement the applicant confirms.
func declaration(text string, at int) Cond {
	return Cond{Kind: CondDeclare, Label: "符合原文所述条件：「" + text + "」",
		Span: huiqi.Span{Start: at, End: at + len(text)}, Text: text}
}

// fact is a text no profile field can decide: the applicant states
// whether it holds. Its label, the question, quotes the text (with no
// straight double quote, which the rule language's text cannot hold); its
// id is given by nameFacts.
func fact(text string, at int) Cond {
	return Cond{Kind: CondStated, Label: "符合原文所述条件：「" + strings.ReplaceAll(text, `"`, "＂") + "」",
		Span: huiqi.Span{Start: at, End: at + len(text)}, Text: text}
}

// fillers are words that add no condition of their own.
var fillers = []string{
	"对于", "对", "的", "企业", "公司", "单位", "新认定", "认定", "为", "被", "经", "获得", "获批", "评为",
	"上年度", "年度", "当年", "年", "以上", "以下", "及", "和", "含", "达到", "在", "级", "给予", "予以",
	"奖励", "补助", "资助", "一次性", "分别", "我市", "我区", "我县", "本市", "本区", "本县", "其",
	"并且", "且", "同时", "获评", "称号",
}

// residual reports whether text says more than what was read: two or more
// Han characters outside the read spans once filler words are dropped.
func residual(text string, mask []bool) bool {
	rest := unread(text, mask)
	for _, f := range fillers {
		rest = strings.ReplaceAll(rest, f, "")
	}
	n := 0
	for _, r := range rest {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n >= 2
}

func isNewWord(s string) bool {
	for _, w := range newWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
