package rules

import (
	"fmt"
	"math/big"
)

// resultUnit is the unit of l op r, or an error when the units do not
// agree: money + money, money × ratio, money / money → ratio, …
func resultUnit(op string, l, r unit) (unit, error) {
	switch {
	case op == "+" || op == "-" || isCompare(op):
		if l == r || r == uPlain {
			return l, nil
		} else if l == uPlain {
			return r, nil
		}
	case op == "*":
		switch {
		case l == uPlain || l == uRatio:
			return r, nil
		case r == uPlain || r == uRatio:
			return l, nil
		case l == uMoney && (r == uCount || r == uPeople):
			return uMoney, nil // per unit × count
		case r == uMoney && (l == uCount || l == uPeople):
			return uMoney, nil
		}
	case op == "/":
		if l == r {
			return uRatio, nil
		} else if r == uPlain || r == uRatio {
			return l, nil
		} else if l == uMoney {
			return uMoney, nil // per person, per item
		}
	}
	return 0, fmt.Errorf("%s %s %s: units do not agree", unitNames[l], op, unitNames[r])
}

// arith applies + - * / to two numbers (intervals). ok is false when the
// divisor may be zero.
func arith(op string, a, b value) (value, bool, error) {
	u, err := resultUnit(op, a.unit, b.unit)
	if err != nil {
		return value{}, false, err
	}
	if a.point() && b.point() { // the common case: one operation, not four
		if op == "/" && b.lo.Sign() == 0 {
			return value{}, false, nil
		}
		return num(pointOp(op, a.lo, b.lo), u), true, nil
	}
	var lo, hi *big.Rat
	switch op {
	case "+":
		lo, hi = add(a.lo, b.lo), add(a.hi, b.hi)
	case "-":
		lo, hi = sub(a.lo, b.hi), sub(a.hi, b.lo)
	case "*":
		lo, hi = bounds(mul(a.lo, b.lo), mul(a.lo, b.hi), mul(a.hi, b.lo), mul(a.hi, b.hi))
	case "/":
		if b.lo.Sign() <= 0 && b.hi.Sign() >= 0 {
			return value{}, false, nil
		}
		lo, hi = bounds(quo(a.lo, b.lo), quo(a.lo, b.hi), quo(a.hi, b.lo), quo(a.hi, b.hi))
	}
	return value{kind: kNum, unit: u, lo: lo, hi: hi}, true, nil
}

func pointOp(op string, a, b *big.Rat) *big.Rat {
	switch op {
	case "+":
		return add(a, b)
	case "-":
		return sub(a, b)
	case "*":
		return mul(a, b)
	}
	return quo(a, b)
}

func add(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
func sub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
func mul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }
func quo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }

func bounds(rs ...*big.Rat) (lo, hi *big.Rat) {
	lo, hi = rs[0], rs[0]
	for _, r := range rs[1:] {
		if r.Cmp(lo) < 0 {
			lo = r
		}
		if r.Cmp(hi) > 0 {
			hi = r
		}
	}
	return lo, hi
}

// compareNum decides a op b over intervals: met when every point of a
// satisfies it against every point of b, unmet when none does, else unknown.
func compareNum(op string, a, b value) (met, decided bool) {
	every, some := rel(op, a.lo, a.hi, b.lo, b.hi)
	return every, every || !some
}

// rel tests op for every and for some pair of points of [a1,a2]×[b1,b2].
func rel(op string, a1, a2, b1, b2 *big.Rat) (every, some bool) {
	switch op {
	case ">=":
		return a1.Cmp(b2) >= 0, a2.Cmp(b1) >= 0
	case ">":
		return a1.Cmp(b2) > 0, a2.Cmp(b1) > 0
	case "<=":
		return a2.Cmp(b1) <= 0, a1.Cmp(b2) <= 0
	case "<":
		return a2.Cmp(b1) < 0, a1.Cmp(b2) < 0
	}
	same := a1.Cmp(a2) == 0 && b1.Cmp(b2) == 0 && a1.Cmp(b1) == 0
	overlap := a1.Cmp(b2) <= 0 && b1.Cmp(a2) <= 0
	if op == "==" {
		return same, overlap
	}
	return !overlap, !same // !=
}
