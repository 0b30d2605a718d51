package consult

import (
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
// frequencies of its text.
func units(p *huiqi.Policy) []unit {
	out := make([]unit, 0, len(p.Clauses)+1)
	if pre := preamble(p); pre.End > pre.Start {
		out = append(out, newUnit(p, "", -1, pre, pre))
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
		u := newUnit(p, c.Path, i, c.Span, head)
		if j := strings.LastIndex(c.Path, "/"); j > 0 {
			if pi, ok := byPath[c.Path[:j]]; ok {
				u.parent = pi
				out[pi].leaf = false
			}
		}
		byPath[c.Path] = len(out)
		out = append(out, u)
	}
	return out
}

func newUnit(p *huiqi.Policy, path string, clause int, span, head huiqi.Span) unit {
	u := unit{path: path, clause: clause, span: span, head: head, parent: -1, leaf: true, tf: map[string]int{}}
	for _, t := range zhtext.Terms(p.Text[span.Start:span.End]) {
		u.tf[t.Text]++
		u.length++
	}
	return u
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
