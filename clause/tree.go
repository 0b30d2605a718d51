package clause

import (
	"strconv"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// push opens a clause for lab, closing the clauses it ends. A kind already open
// makes lab a sibling of that clause; a new kind nests under the innermost clause
// of a shallower rank; dash bullets nest under whatever is open.
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
	r, ok := p.rank[lab.kind]
	if !ok {
		r = len(p.rank)
		p.rank[lab.kind] = r
	}
	n := len(p.stack)
	for n > 0 && p.rank[p.stack[n-1].lab.kind] > r {
		n--
	}
	p.popTo(n, lab.start)
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
