package clause

import (
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// Parse returns the clause tree of text, flat in document order (parents before
// children), with byte spans into text. Depth is 1 for top-level clauses.
//
// A label is accepted where it is plausible: at the start of a line; after a
// sentence end or closing bracket when its number continues its kind's sequence;
// and inside a sentence only as the first child right after its parent's short
// heading ("三、重点任务(一)实施…行动1.绘制…"). Labels inside a quotation
// (“…(一)…”) are quoted, not clauses, unless they start a line.
func Parse(text string) []huiqi.Clause {
	p := &parser{text: text, last: map[huiqi.ClauseKind]int{}, paths: map[string]int{}}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if mayStartLabel(r) {
			if lab, ok := matchLabel(text, i); ok && p.accept(lab) {
				p.push(lab)
				i = lab.end
				continue
			}
		}
		p.quoted = quoteDepth(p.quoted, r)
		i += size
	}
	p.popTo(0, len(text))
	p.setHeadings()
	return p.out
}

// mayStartLabel is a cheap filter before matchLabel.
func mayStartLabel(r rune) bool {
	return r == '第' || r == '(' || r == '（' || isDigit(r) || isHanNumeral(r) ||
		circledNumber(r) > 0 || r == '—' || r == '─'
}

// node is an open clause on the parser's stack.
type node struct {
	lab    label
	idx    int // index into parser.out
	dashes int // dash bullets among its children so far
}

type parser struct {
	text   string
	out    []huiqi.Clause
	stack  []*node
	seen   [kindCount][kindCount]bool // seen[a][b]: kind b has been opened inside kind a
	last   map[huiqi.ClauseKind]int   // last accepted number of each kind
	paths  map[string]int
	dashes int // top-level dash bullets so far
	quoted int // open “ quotes in the current sentence
}

// quoteDepth tracks “…” quotations. It forgets them at a sentence or line end,
// so an unbalanced quote in a long line cannot hide the rest of the document.
func quoteDepth(depth int, r rune) int {
	switch {
	case r == '“':
		return depth + 1
	case r == '”' && depth > 0:
		return depth - 1
	case r == '\n' || r == '。' || r == '；' || r == '！' || r == '？':
		return 0
	}
	return depth
}
