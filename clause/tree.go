package clause

import (
	"strconv"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// push opens a clause for lab, closing the clauses it ends. A kind already open
// makes lab a sibling of that clause; a new kind nests under the innermost clause
// whose kind contains lab's (see nests); dash bullets nest under whatever is open.
func (p *parser) push(lab label) {
	if lab.kind == huiqi.ClauseDash {
		if n := len(p.stack); n > 0 && p.stack[n-1].lab.kind == huiqi.ClauseDash {
			p.popTo(n-1, lab.start)
		}
	} else {
		p.closeFor(lab)
	}
	p.open(lab)
	p.last[lab.kind] = lab.number
}

// closeFor pops the clauses that lab, a numbered label, ends.
func (p *parser) closeFor(lab label) {
	for n := len(p.stack); n > 0 && p.stack[n-1].lab.kind == huiqi.ClauseDash; n-- {
		p.popTo(n-1, lab.start)
	}
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].lab.kind == lab.kind {
			p.popTo(i, lab.start)
			return
		}
	}
	n := len(p.stack)
	for n > 0 && !p.nests(p.stack[n-1].lab.kind, lab.kind) {
		n--
	}
	p.popTo(n, lab.start)
}

// nests reports whether a clause of kind inner opens inside an open clause of
// kind outer. The document teaches the order: once inner has been seen inside
// outer it nests there, and once outer has been seen inside inner it does not
// (the order in which kinds first appear). Kinds never seen together follow
// the usual order (章 > 节 > 条 > 一、 > (一) > 1. > (1) > ①), so "1." items
// directly under 一、 do not make a later "(一)" their sibling.
func (p *parser) nests(outer, inner huiqi.ClauseKind) bool {
	o, i := kindIndex(outer), kindIndex(inner)
	switch {
	case p.seen[o][i]:
		return true
	case p.seen[i][o]:
		return false
	}
	return typicalDepth[outer] < typicalDepth[inner]
}

// kindCount is the number of clause kinds; kindIndex numbers them.
const kindCount = 9

var kindOrder = []huiqi.ClauseKind{
	huiqi.ClauseChapter, huiqi.ClauseSection, huiqi.ClauseArticle, huiqi.ClauseHan, huiqi.ClauseParenHan,
	huiqi.ClauseArabic, huiqi.ClauseParenArabic, huiqi.ClauseCircled, huiqi.ClauseDash,
}

func kindIndex(k huiqi.ClauseKind) int {
	for i, o := range kindOrder {
		if o == k {
			return i
		}
	}
	return kindCount - 1
}

// typicalDepth is the usual nesting order of numbered kinds in Chinese policy
// documents, used for kinds the document has not yet shown together.
var typicalDepth = map[huiqi.ClauseKind]int{
	huiqi.ClauseChapter: 0, huiqi.ClauseSection: 1, huiqi.ClauseArticle: 2, huiqi.ClauseHan: 3,
	huiqi.ClauseParenHan: 4, huiqi.ClauseArabic: 5, huiqi.ClauseParenArabic: 6, huiqi.ClauseCircled: 7,
}

// popTo closes the clauses on the stack from index i up, ending them at byte at.
func (p *parser) popTo(i, at int) {
	for j := len(p.stack) - 1; j >= i; j-- {
		c := &p.out[p.stack[j].idx]
		c.Span.End = trimEnd(p.text, c.Span.Start, at)
		if c.HeadSpan.End == 0 {
			c.HeadSpan.End = c.Span.End
		}
	}
	p.stack = p.stack[:i]
}

// open appends the clause for lab as a child of the stack's top.
func (p *parser) open(lab label) {
	parentPath, seg := "", lab.norm
	var parent *node
	if n := len(p.stack); n > 0 {
		parent = p.stack[n-1]
		parentPath = p.out[parent.idx].Path + "/"
		pc := &p.out[parent.idx]
		if pc.HeadSpan.End == 0 {
			pc.HeadSpan.End = trimEnd(p.text, pc.Span.Start, lab.start)
		}
	}
	if lab.kind == huiqi.ClauseDash {
		seg = "—" + strconv.Itoa(p.nextDash(parent))
	}
	path := parentPath + seg
	p.paths[path]++
	if k := p.paths[path]; k > 1 {
		path += "~" + strconv.Itoa(k)
	}
	p.out = append(p.out, huiqi.Clause{
		Path: path, Label: p.text[lab.start:lab.end], Kind: lab.kind, Number: lab.number,
		Depth: len(p.stack) + 1, Span: huiqi.Span{Start: lab.start}, HeadSpan: huiqi.Span{Start: lab.start},
	})
	for _, n := range p.stack {
		p.seen[kindIndex(n.lab.kind)][kindIndex(lab.kind)] = true
	}
	p.stack = append(p.stack, &node{lab: lab, idx: len(p.out) - 1})
}

// nextDash numbers dash bullets by their order among their siblings.
func (p *parser) nextDash(parent *node) int {
	if parent == nil {
		p.dashes++
		return p.dashes
	}
	parent.dashes++
	return parent.dashes
}

// trimEnd moves at back over trailing white space, never before start.
func trimEnd(text string, start, at int) int {
	for at > start {
		r, size := utf8.DecodeLastRuneInString(text[:at])
		if r != '\n' && r != '\r' && !isIndent(r) {
			break
		}
		at -= size
	}
	return at
}
