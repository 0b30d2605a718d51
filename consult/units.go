package consult

import (
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// unit is one retrievable piece of a policy: a clause with its
// descendants, or the text before the first clause (path "").
type unit struct {
	path   string
	clause int // index in Policy.Clauses, -1 for the preamble
	span   huiqi.Span
	parent int // index of the parent unit, -1 at the top
	leaf   bool
	tf     map[string]int
	length int
	// head is the clause's own text up to its first child.
	head huiqi.Span
}

// units cuts p into its clauses and the preamble, each with the term
// frequencies of its text. The text is cut into terms once: words never
// cross a clause's start (a new line).
func units(p *huiqi.Policy) ([]unit, []zhtext.Term) {
	terms := zhtext.Terms(p.Text)
	out := make([]unit, 0, len(p.Clauses)+1)
	if pre := preamble(p); pre.End > pre.Start {
		out = append(out, newUnit(terms, "", -1, pre, pre))
	}
	byPath := map[string]int{}
	for i, c := range p.Clauses {
		if !validSpan(p, c.Span) {
			continue
		}
		head := c.HeadSpan
		if !validSpan(p, head) {
			head = c.Span
		}
		u := newUnit(terms, c.Path, i, c.Span, head)
		if j := strings.LastIndex(c.Path, "/"); j > 0 {
			if pi, ok := byPath[c.Path[:j]]; ok {
				u.parent = pi
				out[pi].leaf = false
			}
		}
		byPath[c.Path] = len(out)
		out = append(out, u)
	}
	return out, terms
}

func newUnit(terms []zhtext.Term, path string, clause int, span, head huiqi.Span) unit {
	u := unit{path: path, clause: clause, span: span, head: head, parent: -1, leaf: true}
	u.tf, u.length = termsIn(terms, span)
	return u
}

// termsIn counts the terms within span; terms are in text order.
func termsIn(terms []zhtext.Term, span huiqi.Span) (map[string]int, int) {
	tf := map[string]int{}
	n := 0
	for i := sort.Search(len(terms), func(i int) bool { return terms[i].Start >= span.Start }); i < len(terms) && terms[i].Start < span.End; i++ {
		if terms[i].End <= span.End {
			tf[terms[i].Text]++
			n++
		}
	}
	return tf, n
}

// preamble is the text before the first clause: the title, the issuers
// and the introduction.
func preamble(p *huiqi.Policy) huiqi.Span {
	end := len(p.Text)
	for _, c := range p.Clauses {
		if validSpan(p, c.Span) && c.Span.Start < end {
			end = c.Span.Start
		}
	}
	return huiqi.Span{Start: 0, End: end} // the whole text when there are no clauses
}

func validSpan(p *huiqi.Policy, s huiqi.Span) bool {
	return s.Start >= 0 && s.Start < s.End && s.End <= len(p.Text)
}
