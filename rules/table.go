package rules

import (
	"fmt"
)

func checkBand(c *checker, args []node) (typ, error) {
	if err := wantArgs(args, 2, 2); err != nil {
		return typ{}, err
	}
	n, ok := args[0].(*name)
	if !ok || c.v.Tables[n.id] == nil {
		return typ{}, fmt.Errorf("the first argument names a table of this version, got %s", args[0].src())
	}
	x, err := c.typeOf(args[1])
	if err != nil {
		return typ{}, err
	}
	for _, r := range c.v.Tables[n.id].Rows {
		for _, b := range []*exprSrc{r.Min, r.Over} {
			if b != nil {
				if _, err := resultUnit(">=", x.unit, b.n.(*numLit).v.unit); err != nil || x.kind != kNum {
					return typ{}, fmt.Errorf("table %s: line %d: bound %s does not fit a %s", n.id, b.line, b.text, x)
				}
			}
		}
	}
	return typ{kNum, tableUnit(c.v.Tables[n.id])}, nil
}

// tableUnit is the unit of a table's scores: a bare number is a score.
func tableUnit(t *tableSpec) unit {
	if u := t.Rows[0].Score.lo.n.(*numLit).v.unit; u != uPlain {
		return u
	}
	return uScore
}

// checkTable requires literal bounds and scores, one bound at most per row,
// and a last row without a bound (the default).
func checkTable(id string, t *tableSpec) error {
	if t == nil || len(t.Rows) == 0 {
		return fmt.Errorf("table %s: no rows", id)
	}
	for i, r := range t.Rows {
		if r == nil || r.Score.lo == nil {
			return fmt.Errorf("table %s: row %d: score is required", id, i+1)
		}
		if r.Min != nil && r.Over != nil {
			return fmt.Errorf("line %d: table %s: a row has min or over, not both", r.Score.line, id)
		}
		last := i == len(t.Rows)-1
		if (r.Min == nil && r.Over == nil) != last {
			return fmt.Errorf("line %d: table %s: only the last row, and it always, has no bound (the default)", r.Score.line, id)
		}
		for _, e := range []*exprSrc{r.Min, r.Over, r.Score.lo, r.Score.hi} {
			if l, ok := exprNode(e).(*numLit); e != nil && (!ok || l.v.kind != kNum) {
				return fmt.Errorf("line %d: table %s: %q: want a number", e.line, id, e.text)
			}
		}
		if u := r.Score.lo.n.(*numLit).v.unit; u != t.Rows[0].Score.lo.n.(*numLit).v.unit || u != r.Score.hi.n.(*numLit).v.unit {
			return fmt.Errorf("line %d: table %s: every score has the same unit", r.Score.line, id)
		}
		if r.Score.lo.n.(*numLit).v.lo.Cmp(r.Score.hi.n.(*numLit).v.lo) > 0 {
			return fmt.Errorf("line %d: table %s: score range [lo, hi] with lo > hi", r.Score.line, id)
		}
	}
	return nil
}

func exprNode(e *exprSrc) node {
	if e == nil {
		return nil
	}
	return e.n
}

// rowOf is the index of the first row x satisfies.
func rowOf(t *tableSpec, x value) int {
	for i, r := range t.Rows {
		switch {
		case r.Min != nil:
			if x.lo.Cmp(r.Min.n.(*numLit).v.lo) >= 0 {
				return i
			}
		case r.Over != nil:
			if x.lo.Cmp(r.Over.n.(*numLit).v.lo) > 0 {
				return i
			}
		default:
			return i
		}
	}
	return len(t.Rows) - 1
}

// evalBand scores x from the table: the row's score or range; when x is
// itself a range, the scores of every row between its ends.
func evalBand(ev *evaluator, a []node) (value, bool) {
	id := a[0].(*name).id
	t := ev.v.Tables[id]
	x, ok := ev.eval(a[1])
	if !ok {
		return value{}, false
	}
	i := rowOf(t, x)
	j := rowOf(t, value{kind: kNum, lo: x.hi})
	var out value
	for k := min(i, j); k <= max(i, j); k++ {
		s := t.Rows[k].Score
		v := value{kind: kNum, unit: tableUnit(t), lo: s.lo.n.(*numLit).v.lo, hi: s.hi.n.(*numLit).v.lo}
		if out.kind == 0 {
			out = v
			continue
		}
		out.lo, _ = bounds(out.lo, v.lo)
		_, out.hi = bounds(out.hi, v.hi)
	}
	if !ev.quiet {
		label := t.Label
		if label == "" {
			label = id
		}
		ev.fact(id+"("+a[1].src()+")", label, out)
	}
	return out, true
}
