package rules

import "fmt"

// checkAmount requires exactly one formula with its parts, each of the
// right unit.
func checkAmount(c *checker, a *amountSpec) error {
	formulas := 0
	for _, f := range []bool{a.Fixed != nil, a.Range != nil, a.Rate != nil, a.Per != nil, a.TopUp != nil} {
		if f {
			formulas++
		}
	}
	if formulas != 1 {
		return fmt.Errorf("line %d: amount: want exactly one of fixed, range, rate, per, top_up", a.line)
	}
	if a.Range != nil && len(a.Range) != 2 {
		return fmt.Errorf("line %d: amount: range is [min, max]", a.line)
	}
	pairs := []struct {
		e     *exprSrc
		key   string
		units []unit
	}{
		{a.Fixed, "fixed", money}, {a.Rate, "rate", []unit{uRatio, uPlain}}, {a.Of, "of", money},
		{a.Per, "per", money}, {a.Count, "count", []unit{uCount, uPeople, uPlain}},
		{a.TopUp, "top_up", money}, {a.Less, "less", money}, {a.Cap, "cap", money},
	}
	for _, r := range a.Range {
		pairs = append(pairs, struct {
			e     *exprSrc
			key   string
			units []unit
		}{r, "range", money})
	}
	if a.YearlyCap != nil {
		if a.YearlyCap.Group == "" || a.YearlyCap.Amount == nil {
			return fmt.Errorf("line %d: amount: yearly_cap wants group and amount", a.line)
		}
		pairs = append(pairs, struct {
			e     *exprSrc
			key   string
			units []unit
		}{a.YearlyCap.Amount, "yearly_cap.amount", money})
	}
	for _, p := range a.Plus {
		if p == nil || p.When == nil || p.Amount == nil {
			return fmt.Errorf("line %d: amount: each plus wants when and amount", a.line)
		}
		if t, err := c.typeOf(p.When.n); err != nil || t.kind != kBool {
			return fmt.Errorf("line %d: amount plus when %q: want a yes/no condition (%v)", p.When.line, p.When.text, err)
		}
		pairs = append(pairs, struct {
			e     *exprSrc
			key   string
			units []unit
		}{p.Amount, "plus.amount", money})
	}
	for _, p := range pairs {
		if err := checkUnit(c, p.e, p.key, p.units); err != nil {
			return err
		}
	}
	if (a.Rate != nil) != (a.Of != nil) || (a.Per != nil) != (a.Count != nil) || a.Less != nil && a.TopUp == nil {
		return fmt.Errorf("line %d: amount: rate goes with of, per with count, less with top_up", a.line)
	}
	return nil
}

var money = []unit{uMoney, uPlain}

func checkUnit(c *checker, e *exprSrc, key string, units []unit) error {
	if e == nil {
		return nil
	}
	t, err := c.typeOf(e.n)
	if err != nil {
		return fmt.Errorf("line %d: amount %s %q: %v", e.line, key, e.text, err)
	}
	for _, u := range units {
		if t.kind == kNum && t.unit == u {
			return nil
		}
	}
	return fmt.Errorf("line %d: amount %s %q is a %s", e.line, key, e.text, t)
}
