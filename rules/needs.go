package rules

import "sort"

// Needs is what a rule set reads of a profile: the profile fields (by
// their name in the profile format: employees, financials.revenue_yuan,
// declarations.ID), the certifications by name, and the declarations to
// confirm. A form that asks only what the rules need asks these.
type Needs struct {
	Fields         []string
	Certifications []string
	Declarations   []string
}

// Needs lists what every version of the set reads.
func (s *Set) Needs() Needs {
	seen := map[string]map[string]bool{"f": {}, "c": {}, "d": {}}
	for _, v := range s.Versions {
		w := &needsWalker{v: v.spec, seen: seen, lets: map[string]bool{}}
		w.cond(v.spec.When)
		if a := v.spec.Amount; a != nil {
			for _, e := range []*exprSrc{a.Fixed, a.Rate, a.Of, a.Per, a.Count, a.TopUp, a.Less, a.Cap} {
				w.expr(e)
			}
			for _, e := range a.Range {
				w.expr(e)
			}
			for _, p := range a.Plus {
				w.expr(p.When)
				w.expr(p.Amount)
			}
		}
	}
	if s.Region != "100000" {
		seen["f"]["region_code"] = true
	}
	return Needs{Fields: keys(seen["f"]), Certifications: keys(seen["c"]), Declarations: keys(seen["d"])}
}

type needsWalker struct {
	v    *versionSpec
	seen map[string]map[string]bool
	lets map[string]bool
}

func (w *needsWalker) cond(c *condSpec) {
	switch c.kind {
	case "declare":
		w.seen["d"][c.ID] = true
	case "in_region":
		w.seen["f"]["region_code"] = true
	case "check":
		w.expr(c.check)
	}
	for _, ch := range c.children {
		w.cond(ch)
	}
}

func (w *needsWalker) expr(e *exprSrc) {
	if e != nil {
		w.node(e.n)
	}
}

func (w *needsWalker) node(n node) {
	switch n := n.(type) {
	case *name:
		if f, ok := fields[n.id]; ok {
			w.seen["f"][f.path] = true
		} else if l, ok := w.v.Let[n.id]; ok && !w.lets[n.id] {
			w.lets[n.id] = true
			w.expr(l.Expr)
		}
	case *neg:
		w.node(n.x)
	case *binary:
		w.node(n.l)
		w.node(n.r)
	case *call:
		w.call(n)
	}
}

func (w *needsWalker) call(n *call) {
	switch n.fn {
	case "last", "prior", "sum", "growth":
		w.seen["f"]["financials."+finArg(n.args)] = true
		w.seen["f"]["registered_on"] = w.seen["f"]["registered_on"] || n.fn != "last" && n.fn != "prior"
		return
	case "years":
		w.seen["f"]["registered_on"] = true
	case "certified", "certified_since":
		w.seen["c"][text(n.args[0])] = true
		return
	case "within":
		w.seen["f"]["region_code"] = true
	case "industry_in":
		w.seen["f"]["industry_code"] = true
	case "stated":
		w.seen["f"]["declarations."+text(n.args[0])] = true
		return
	}
	for _, a := range n.args {
		w.node(a)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
