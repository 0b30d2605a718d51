package propose

import (
	"strings"
	"unicode"

	"github.com/huiqi-dev/huiqi"
)

// reader reads the conditions of one measure's texts.
type reader struct {
	since huiqi.Date // the policy's window start, for 新认定
	k, n  int        // the measure's place among those of its sentence
	at    int        // the offset of the text being read
}

// piece is a condition read from a text and the bytes it consumed.
type piece struct {
	cond       Cond
	start, end int
}

// read returns the conditions of text (at its offset in Policy.Text): the
// certifications, thresholds and sizes it names, and a declaration for
// whatever else it says. A text joining conditions by 或 is not read: it
// becomes one declaration, since reading its parts as all required would
// be a guess.
func (r *reader) read(text string, at int) []Cond {
	if strings.Contains(text, "或") {
		return []Cond{declaration(text, at)}
	}
	r.at = at
	var pieces []piece
	pieces = append(pieces, r.certs(text)...)
	pieces = append(pieces, r.numbers(text)...)
	pieces = append(pieces, employees(text)...)
	var out []Cond
	mask := make([]bool, len(text))
	for _, p := range pieces {
		c := p.cond
		c.Span = huiqi.Span{Start: at + p.start, End: at + p.end}
		c.Text = text[p.start:p.end]
		out = append(out, c)
		for i := p.start; i < p.end; i++ {
			mask[i] = true
		}
	}
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
	if residual(text, mask) {
		out = append(out, declaration(text, at))
	}
	return out
}

func declaration(text string, at int) Cond {
	return Cond{Kind: CondDeclare, Label: "符合原文所述条件：「" + text + "」",
		Span: huiqi.Span{Start: at, End: at + len(text)}, Text: text}
}

// fillers are words that add no condition of their own.
var fillers = []string{
	"对于", "对", "的", "企业", "公司", "单位", "新认定", "认定", "为", "被", "经", "获得", "获批", "评为",
	"上年度", "年度", "当年", "年", "以上", "以下", "及", "和", "含", "达到", "在", "级", "给予", "予以",
	"奖励", "补助", "资助", "一次性", "分别", "我市", "我区", "我县", "本市", "本区", "本县", "其",
}

// residual reports whether text says more than what was read: two or more
// Han characters outside the read spans once filler words are dropped.
func residual(text string, mask []bool) bool {
	var b strings.Builder
	for i, r := range text {
		if !mask[i] {
			b.WriteRune(r)
		}
	}
	rest := b.String()
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
