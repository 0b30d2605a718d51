package rules

import (
	"fmt"
	"slices"

	"github.com/huiqi-dev/huiqi"
)

// need is what one figure of the coming fiscal year (the first projected)
// must reach for the check id to be met when that year closes: the least
// whole yuan that meets it, found by search on the check itself, so that
// any monotone check (a ratio, a sum, a band) is answered exactly. nil when
// the check is not `X >= Y` (or >) with X reading exactly one yearly
// figure, when the figure is unknown, or when no amount meets it.
func (s *Set) need(id string, pr *projection) *huiqi.Need {
	fy := pr.base + 1
	on := huiqi.Date{Year: fy + 1, Month: 1, Day: 1}
	v, ok := s.At(on)
	if id == "" || fy > pr.end || !ok {
		return nil
	}
	cs := findCond(v.spec.When, id)
	if cs == nil || cs.kind != "check" {
		return nil
	}
	b, ok := cs.check.n.(*binary)
	if !ok || b.op != ">=" && b.op != ">" {
		return nil
	}
	figs := map[string]bool{}
	finReads(v.spec, lever(v.spec, b.l), figs, 0)
	if len(figs) != 1 {
		return nil
	}
	var field string
	for f := range figs {
		field = f
	}
	at := pr.ent.FinancialsFor(fy)
	if at == nil || *setter(at, field) == nil {
		return nil
	}
	projected := **setter(at, field)
	metWith := func(x int64) bool {
		p := *pr.ent
		p.Financials = slices.Clone(pr.ent.Financials)
		*setter(p.FinancialsFor(fy), field) = &x
		ev := &evaluator{ent: &p, asOf: on, v: v.spec, region: s.Region, quiet: true}
		return ev.statusOf(cs) == huiqi.Met
	}
	if metWith(projected) {
		return nil
	}
	lo, hi := projected, max(projected, 1)*2
	for !metWith(hi) {
		if hi > 1<<52 {
			return nil
		}
		lo, hi = hi, hi*2
	}
	for hi-lo > 1 { // lo never meets it, hi does
		mid := lo + (hi-lo)/2
		if metWith(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return &huiqi.Need{
		Field: fmt.Sprintf("financials[%d].%s", fy, field), Label: fmt.Sprintf("%d年%s", fy, finFields[field].label),
		Year: fy, ProjectedYuan: projected, RequiredYuan: hi, MetOn: on,
	}
}

func findCond(c *condSpec, id string) *condSpec {
	if c.ID == id {
		return c
	}
	for _, ch := range c.children {
		if f := findCond(ch, id); f != nil {
			return f
		}
	}
	return nil
}

// lever is the part of a comparison's left side that must grow: through
// lets, the numerator of a quotient, the value a score table bands, the
// one addend of a sum that reads yearly figures.
func lever(v *versionSpec, n node) node {
	for range maxDepth {
		switch m := n.(type) {
		case *name:
			l, ok := v.Let[m.id]
			if !ok {
				return n
			}
			n = l.Expr.n
		case *call:
			if m.fn != "band" {
				return n
			}
			n = m.args[1]
		case *binary:
			switch {
			case m.op == "/":
				n = m.l
			case m.op == "+" && reads(v, m.l) != reads(v, m.r):
				n = m.l // a sum where one addend reads yearly figures: that one
				if reads(v, m.r) {
					n = m.r
				}
			default:
				return n
			}
		default:
			return n
		}
	}
	return n
}

// finReads adds the yearly figures n reads, through lets.
func finReads(v *versionSpec, n node, out map[string]bool, depth int) {
	if depth > maxDepth {
		return
	}
	switch m := n.(type) {
	case *name:
		if l, ok := v.Let[m.id]; ok {
			finReads(v, l.Expr.n, out, depth+1)
		}
	case *call:
		switch m.fn {
		case "last", "prior", "sum", "growth":
			out[finArg(m.args)] = true
			return
		}
		for _, a := range m.args {
			finReads(v, a, out, depth+1)
		}
	case *binary:
		finReads(v, m.l, out, depth+1)
		finReads(v, m.r, out, depth+1)
	case *neg:
		finReads(v, m.x, out, depth+1)
	}
}

// reads tells whether n reads a yearly figure.
func reads(v *versionSpec, n node) bool {
	figs := map[string]bool{}
	finReads(v, n, figs, 0)
	return len(figs) > 0
}
