package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// maxHeadingGap is how far (in runes) after its parent's label an inline first
// child may stand: the length of a short heading.
const maxHeadingGap = 40

// accept decides whether a label candidate is a clause label.
func (p *parser) accept(lab label) bool {
	pos := classify(p.text, lab.start)
	switch {
	case lab.start > 0 && precededBy(p.text, lab.start, func(r rune) bool { return r == '第' }):
		return false // a reference: 第(一)项, 第1.2款
	case lab.kind == huiqi.ClauseDash || lab.lineOnly:
		return pos == posLineStart && !p.jumps(lab)
	case pos == posLineStart:
		return !p.jumps(lab) && !afterOrdinalPrefix(p.text, lab.start) && !isTOCLine(p.text, lab.start)
	case p.quoted > 0:
		return false
	case pos == posAfterEnd:
		return p.continues(lab)
	default:
		return lab.kind != huiqi.ClauseHan && (p.firstChild(lab) || p.runOn(lab))
	}
}

// runOn reports whether lab is the next item of a list whose items run on
// without punctuation ("…国际大奖获得者2.中国国家最高科学技术奖获得者3.…"): an
// Arabic number with a dot, exactly one more than the open item, followed by
// text. Other separators and kinds are too common inside sentences.
func (p *parser) runOn(lab label) bool {
	if lab.kind != huiqi.ClauseArabic || lab.number != p.openNumber(lab.kind)+1 || lab.number == 1 {
		return false
	}
	sep, _ := utf8.DecodeLastRuneInString(p.text[:lab.end])
	return (sep == '.' || sep == '．') && startsWith(p.text, lab.end, func(r rune) bool { return isHan(r) || containsRune("“《", r) })
}

// afterOrdinalPrefix reports whether the line before p ends with "第", so that the
// label is the rest of a broken "第一、二层次".
func afterOrdinalPrefix(text string, p int) bool {
	q := strings.LastIndexByte(text[:p], '\n')
	return q > 0 && lastRune(strings.TrimRightFunc(text[:q], unicode.IsSpace)) == '第'
}

// isTOCLine reports whether the line starting at p is a table-of-contents entry
// ("一、现状与形势........1"): its label repeats a heading found later.
func isTOCLine(text string, p int) bool {
	line := text[p:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimRight(line, " \t0123456789")
	return strings.HasSuffix(line, "....") || strings.HasSuffix(line, "……") || strings.HasSuffix(line, "····")
}

// maxLineJump is the largest step forward a line-start label may take in an
// open list: skipped numbers happen, but "（十二）" after "（二）" is the rest of a
// wrapped reference ("按附件2中第（六）（八）\n（十二）项规定").
const maxLineJump = 3

// jumps reports whether lab's number leaps too far ahead of its open list.
func (p *parser) jumps(lab label) bool {
	n := p.openNumber(lab.kind)
	return n > 0 && lab.number > n+maxLineJump
}

// continues reports whether lab's number follows its kind's sequence: the open
// list of its kind (a repeat or one skipped number tolerated), or, when no list of
// its kind is open, a new list (1) or the document-wide sequence continued.
func (p *parser) continues(lab label) bool {
	if n := p.openNumber(lab.kind); n > 0 {
		return lab.number >= n && lab.number <= n+2
	}
	return p.startsOrResumes(lab)
}

func (p *parser) startsOrResumes(lab label) bool {
	if lab.number == 1 {
		return true
	}
	last, ok := p.last[lab.kind]
	return ok && lab.number > last && lab.number <= last+2
}

// openNumber returns the number of the innermost open clause of kind, or 0.
func (p *parser) openNumber(kind huiqi.ClauseKind) int {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].lab.kind == kind {
			return p.stack[i].lab.number
		}
	}
	return 0
}

// firstChild reports whether lab, inside a sentence, is the first child of the
// clause just opened, right after that clause's short heading.
func (p *parser) firstChild(lab label) bool {
	if len(p.stack) == 0 || p.openNumber(lab.kind) > 0 {
		return false
	}
	top := p.stack[len(p.stack)-1]
	if top.lab.kind == huiqi.ClauseDash || p.out[top.idx].HeadSpan.End != 0 {
		return false
	}
	gap := p.text[top.lab.end:lab.start]
	if len(gap) > maxHeadingGap*utf8.UTFMax {
		return false
	}
	if n := utf8.RuneCountInString(gap); n == 0 || n > maxHeadingGap {
		return false
	}
	for _, r := range gap {
		if r == '\n' || containsRune(sentenceEnders, r) {
			return false
		}
	}
	return p.startsOrResumes(lab)
}
