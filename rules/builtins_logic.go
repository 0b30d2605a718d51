package rules

import (
	"fmt"
	"math/big"
)

func checkMinMax(c *checker, args []node) (typ, error) {
	if err := wantArgs(args, 2, 2); err != nil {
		return typ{}, err
	}
	return c.binaryType(&binary{"+", args[0], args[1]})
}

func evalMinMax(sign int) func(ev *evaluator, a []node) (value, bool) {
	return func(ev *evaluator, a []node) (value, bool) {
		x, xok := ev.eval(a[0])
		y, yok := ev.eval(a[1])
		if !xok || !yok {
			return value{}, false
		}
		pick := func(p, q *big.Rat) *big.Rat {
			if (p.Cmp(q) < 0) == (sign < 0) {
				return p
			}
			return q
		}
		u, _ := resultUnit("+", x.unit, y.unit)
		return value{kind: kNum, unit: u, lo: pick(x.lo, y.lo), hi: pick(x.hi, y.hi)}, true
	}
}

func checkIf(c *checker, args []node) (typ, error) {
	if err := wantArgs(args, 3, 3); err != nil {
		return typ{}, err
	}
	t, err := c.typeOf(args[0])
	if err != nil {
		return typ{}, err
	}
	if t.kind != kBool {
		return typ{}, fmt.Errorf("the condition is %s, want yes/no", t)
	}
	a, err := c.typeOf(args[1])
	if err != nil {
		return typ{}, err
	}
	b, err := c.typeOf(args[2])
	if err != nil {
		return typ{}, err
	}
	if a.kind != b.kind {
		return typ{}, fmt.Errorf("the branches are %s and %s", a, b)
	}
	if a.kind == kNum {
		u, err := resultUnit("+", a.unit, b.unit)
		return typ{kNum, u}, err
	}
	return a, nil
}

func evalIf(ev *evaluator, a []node) (value, bool) {
	c, ok := ev.eval(a[0])
	if !ok {
		return value{}, false
	}
	if c.b {
		return ev.eval(a[1])
	}
	return ev.eval(a[2])
}
