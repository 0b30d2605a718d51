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

// checkBetween: between(LO, HI), two number literals of one unit, LO ≤ HI.
func checkBetween(c *checker, args []node) (typ, error) {
	if err := wantArgs(args, 2, 2); err != nil {
		return typ{}, err
	}
	return checkBounds(c, args[0], args[1])
}

func checkBounds(c *checker, lo, hi node) (typ, error) {
	l, lok := lo.(*numLit)
	h, hok := hi.(*numLit)
	switch {
	case !lok || !hok || l.v.kind != kNum || h.v.kind != kNum:
		return typ{}, fmt.Errorf("the bounds are numbers written out, got %s and %s", lo.src(), hi.src())
	case l.v.unit != h.v.unit:
		return typ{}, fmt.Errorf("the bounds %s and %s have different units", lo.src(), hi.src())
	case l.v.lo.Cmp(h.v.lo) > 0:
		return typ{}, fmt.Errorf("the bounds %s > %s", lo.src(), hi.src())
	}
	return typ{kNum, l.v.unit}, nil
}

// evalBetween is the range [LO, HI]: a part the profile cannot give,
// counted as its whole range (an expert score, a field not recorded).
func evalBetween(ev *evaluator, a []node) (value, bool) {
	lo, hi := a[0].(*numLit).v, a[1].(*numLit).v
	return value{kind: kNum, unit: lo.unit, lo: lo.lo, hi: hi.lo}, true
}

// checkBounded: bounded(X, LO, HI), X a number of the bounds' unit.
func checkBounded(c *checker, args []node) (typ, error) {
	if err := wantArgs(args, 3, 3); err != nil {
		return typ{}, err
	}
	t, err := checkBounds(c, args[1], args[2])
	if err != nil {
		return typ{}, err
	}
	x, err := c.typeOf(args[0])
	if err != nil {
		return typ{}, err
	}
	if x.kind != kNum {
		return typ{}, fmt.Errorf("%s is a %s, want a number", args[0].src(), x)
	}
	if _, err := resultUnit("+", x.unit, t.unit); err != nil {
		return typ{}, err
	}
	return typ{kNum, x.unit}, nil
}

// evalBounded is X when known, else [LO, HI]: the answer may then be
// decided without X (its fields are still named, and asked when the
// answer stays unknown).
func evalBounded(ev *evaluator, a []node) (value, bool) {
	if x, ok := ev.eval(a[0]); ok {
		return x, true
	}
	v, _ := evalBetween(ev, a[1:])
	ev.note(describe(ev, a[0]) + "未知，按 " + format(v) + " 计")
	return v, true
}
