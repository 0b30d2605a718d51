package rules

import (
	"fmt"
	"math/big"

	"github.com/huiqi-dev/huiqi"
)

// amount computes a measure's award: the formula, then the cap.
func (ev *evaluator) amount(a *amountSpec) *huiqi.Amount {
	ev.reset()
	out := &huiqi.Amount{Exclusive: a.Exclusive}
	lo, hi, basis, ok := ev.formula(a)
	if ok && a.Cap != nil {
		if c, cok := ev.eval(a.Cap.n); cok {
			lo, _ = bounds(lo, c.lo)
			hi, _ = bounds(hi, c.hi)
			basis += "，上限 " + formatNum(c.hi, uMoney)
		} else {
			ok = false
		}
	}
	if ok {
		lo, hi, basis, ok = ev.plus(a.Plus, lo, hi, basis)
	}
	if a.YearlyCap != nil {
		out.CapGroup = a.YearlyCap.Group
		if c, cok := ev.eval(a.YearlyCap.Amount.n); cok {
			out.CapYuan = floorRat(c.lo)
		}
	}
	if !ok {
		out.Missing = ev.missing
		out.Basis = "金额无法计算：缺少数据"
		return out
	}
	out.Min, out.Max = floorRat(maxZero(lo)), floorRat(maxZero(hi))
	out.Basis = basis
	return out
}

// plus adds the top-ups whose condition holds; one whose condition is
// unknown adds to the maximum only.
func (ev *evaluator) plus(ps []*plusSpec, lo, hi *big.Rat, basis string) (*big.Rat, *big.Rat, string, bool) {
	for _, p := range ps {
		c, cok := ev.eval(p.When.n)
		v, vok := ev.eval(p.Amount.n)
		if !vok {
			return nil, nil, "", false
		}
		label := p.Label
		if label == "" {
			label = p.When.text
		}
		switch {
		case !cok:
			hi = add(hi, v.hi)
			basis += fmt.Sprintf("；如%s，另加 %s（待定）", label, ev.money(v, true))
		case c.b:
			lo, hi = add(lo, v.lo), add(hi, v.hi)
			basis += fmt.Sprintf("；%s，另加 %s", label, ev.money(v, true))
		}
	}
	return lo, hi, basis, true
}

// formula evaluates the one formula of a: its range and the words for it.
func (ev *evaluator) formula(a *amountSpec) (lo, hi *big.Rat, basis string, ok bool) {
	switch {
	case a.Fixed != nil:
		v, ok := ev.eval(a.Fixed.n)
		return v.lo, v.hi, "定额 " + ev.money(v, ok), ok
	case a.Range != nil:
		x, xok := ev.eval(a.Range[0].n)
		y, yok := ev.eval(a.Range[1].n)
		return x.lo, y.hi, "最低 " + ev.money(x, xok) + "，最高 " + ev.money(y, yok), xok && yok
	case a.Rate != nil:
		return ev.product(a.Rate, a.Of, "×")
	case a.Per != nil:
		return ev.product(a.Per, a.Count, "×")
	}
	full, fok := ev.eval(a.TopUp.n)
	less, lok := value{kind: kNum, lo: new(big.Rat), hi: new(big.Rat)}, true
	if a.Less != nil {
		less, lok = ev.eval(a.Less.n)
	}
	if !fok || !lok {
		return nil, nil, "", false
	}
	return sub(full.lo, less.hi), sub(full.hi, less.lo),
		fmt.Sprintf("补足差额：%s − 已享受 %s", format(full), format(less)), true
}

// product is rate × base or per-unit amount × count.
func (ev *evaluator) product(f, base *exprSrc, op string) (lo, hi *big.Rat, basis string, ok bool) {
	x, xok := ev.eval(f.n)
	y, yok := ev.eval(base.n)
	if !xok || !yok {
		return nil, nil, "", false
	}
	v, _, err := arith("*", x, y)
	if err != nil {
		return nil, nil, "", false
	}
	return v.lo, v.hi, fmt.Sprintf("%s %s %s %s = %s", format(x), op, describe(ev, base.n), format(y), format(v)), true
}

func (ev *evaluator) money(v value, ok bool) string {
	if !ok {
		return "未知"
	}
	return format(value{kind: kNum, unit: uMoney, lo: v.lo, hi: v.hi})
}

func maxZero(r *big.Rat) *big.Rat {
	if r.Sign() < 0 {
		return new(big.Rat)
	}
	return r
}

// floorRat rounds r ≥ 0 down to whole yuan: an award is never overstated.
func floorRat(r *big.Rat) int64 {
	return new(big.Int).Quo(r.Num(), r.Denom()).Int64()
}
