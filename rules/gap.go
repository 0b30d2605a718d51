package rules

import (
	"fmt"
	"math/big"

	"github.com/huiqi-dev/huiqi"
)

// quotient finds X / Y behind n, through lets.
func quotient(ev *evaluator, n node) (*binary, bool) {
	for range 10 {
		switch m := n.(type) {
		case *binary:
			return m, m.op == "/"
		case *name:
			l, ok := ev.v.Let[m.id]
			if !ok {
				return nil, false
			}
			n = l.Expr.n
		default:
			return nil, false
		}
	}
	return nil, false
}

// gap says what an unmet comparison lacks, in words and numbers.
func (ev *evaluator) gap(b *binary, l, r value, res *huiqi.ConditionResult) {
	switch l.kind {
	case kDate:
		ev.dateGap(b, l, res)
		return
	case kNum:
	default:
		res.Gap = "需 " + opWords[b.op] + " " + format(r)
		return
	}
	up := b.op == ">=" || b.op == ">"
	strict := b.op == ">" || b.op == "<"
	if up && ev.bandGap(b, r, res) {
		return
	}
	if q, ok := quotient(ev, b.l); ok && (up || b.op == "<=" || b.op == "<") {
		x, xok := ev.eval(q.l)
		y, yok := ev.eval(q.r)
		if xok && yok && x.point() && y.point() {
			need := sub(mul(r.hi, y.lo), x.lo) // what X lacks to reach r·Y
			if !up {
				need = sub(mul(r.lo, y.lo), x.lo)
			}
			ev.say(res, describe(ev, q.l), need, x.unit, up, strict)
			return
		}
	}
	need := sub(r.hi, l.lo)
	if !up {
		need = sub(r.lo, l.hi)
	}
	ev.say(res, describe(ev, b.l), need, l.unit, up, strict)
}

// say writes the gap: "近3年研发费用合计需再增加 86 万元" or "…需减少 …".
// A strict comparison needs more than the difference: "需再增加超过 …".
func (ev *evaluator) say(res *huiqi.ConditionResult, what string, need *big.Rat, u unit, up, strict bool) {
	abs := new(big.Rat).Abs(need)
	if u == uPeople || u == uCount {
		abs.SetInt64(ceilRat(abs)) // whole persons, whole items
	}
	if u == uMoney {
		yuan := ceilRat(abs)
		abs.SetInt64(yuan)
		if up {
			res.GapYuan = &yuan
		} else {
			neg := -yuan
			res.GapYuan = &neg
		}
	}
	verb := map[bool]string{true: "需再增加 ", false: "需减少 "}[up]
	if strict {
		verb = map[bool]string{true: "需再增加超过 ", false: "需减少超过 "}[up]
	}
	res.Gap = what + verb + formatNum(abs, u)
	if abs.Sign() == 0 {
		res.Gap = what + map[bool]string{true: "需高于当前值", false: "需低于当前值"}[up]
	}
}

// ceilRat rounds r ≥ 0 up to a whole number.
func ceilRat(r *big.Rat) int64 {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// dateGap handles D <= as_of - P: met from D + P on.
func (ev *evaluator) dateGap(b *binary, l value, res *huiqi.ConditionResult) {
	d, ok := b.r.(*binary)
	if !ok || d.op != "-" || b.op != "<=" && b.op != "<" {
		res.Gap = "日期条件不满足"
		return
	}
	if n, isName := d.l.(*name); !isName || n.id != "as_of" {
		res.Gap = "日期条件不满足"
		return
	}
	p, ok := d.r.(*numLit)
	if !ok || p.v.kind != kDur {
		res.Gap = "日期条件不满足"
		return
	}
	on := addDur(l.date, p.v.dur, 1)
	// The first date the check itself holds: as_of − P clamps to a month's
	// end (2025-02-28 − 1年 = 2024-02-28), so D + P may not be it yet
	// (registered 2024-02-29: met on 2025-03-01, not 2025-02-28).
	for i := 0; i < 4 && !cmpHolds(b.op, dateCmp(l.date, addDur(on, p.v.dur, -1))); i++ {
		on = fromTime(toTime(on).AddDate(0, 0, 1))
	}
	res.MetOn = on
	res.Gap = fmt.Sprintf("还需 %d 天（%s 起满足）", daysBetween(ev.asOf, on), on)
}

// bandGap explains an unmet "band(T, X) >= S" by what X needs: the lowest
// bound of a row whose score meets S ("科技人员占比需 ≥ 10%: …"), and
// then X's own gap.
func (ev *evaluator) bandGap(b *binary, r value, res *huiqi.ConditionResult) bool {
	c, ok := through(ev, b.l).(*call)
	if !ok || c.fn != "band" {
		return false
	}
	t := ev.v.Tables[c.args[0].(*name).id]
	for i := len(t.Rows) - 1; i >= 0; i-- {
		row := t.Rows[i]
		bound := row.Min
		op := ">="
		if row.Over != nil {
			bound, op = row.Over, ">"
		}
		score := value{kind: kNum, unit: tableUnit(t), lo: row.Score.lo.n.(*numLit).v.lo, hi: row.Score.hi.n.(*numLit).v.lo}
		if met, _ := compare(b.op, score, r); !met || bound == nil {
			continue
		}
		x, xok := ev.eval(c.args[1])
		need := bound.n.(*numLit).v
		if !xok {
			return false
		}
		if met, _ := compare(op, x, need); met {
			return false // X already reaches the row: the table is not monotone
		}
		ev.gap(&binary{op, c.args[1], bound.n}, x, need, res)
		res.Gap = describe(ev, c.args[1]) + "需 " + opWords[op] + " " + format(need) + "（" + describe(ev, b.l) + "方可达 " + format(score) + "）：" + res.Gap
		return true
	}
	return false
}

// through follows lets to the expression they name.
func through(ev *evaluator, n node) node {
	for range 10 {
		m, ok := n.(*name)
		if !ok {
			return n
		}
		l, ok := ev.v.Let[m.id]
		if !ok {
			return n
		}
		n = l.Expr.n
	}
	return n
}
