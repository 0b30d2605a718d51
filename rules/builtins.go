package rules

import (
	"fmt"
	"math/big"
)

// builtin is a function of the language: its type check and evaluation.
type builtin struct {
	check func(c *checker, args []node) (typ, error)
	eval  func(ev *evaluator, args []node) (value, bool)
}

var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"last":            {checkYearly(1, uMoney), func(ev *evaluator, a []node) (value, bool) { return ev.yearValue(finArg(a), ev.lastFY()) }},
		"prior":           {checkYearly(2, uMoney), func(ev *evaluator, a []node) (value, bool) { return ev.yearValue(finArg(a), ev.lastFY()-intArg(a[1])) }},
		"sum":             {checkYearly(2, uMoney), evalSum},
		"growth":          {checkYearly(1, uRatio), evalGrowth},
		"years":           {checkYears, evalYears},
		"certified":       {checkCert(typ{kind: kBool}), evalCertified},
		"certified_since": {checkCert(typ{kind: kDate}), evalCertifiedSince},
		"within":          {checkWithin, evalWithin},
		"industry_in":     {checkIndustry, evalIndustry},
		"band":            {checkBand, evalBand},
		"min":             {checkMinMax, evalMinMax(-1)},
		"max":             {checkMinMax, evalMinMax(1)},
		"if":              {checkIf, evalIf},
		"between":         {checkBetween, evalBetween},
		"bounded":         {checkBounded, evalBounded},
	}
}

// finArg is the financial field named by the first argument.
func finArg(a []node) string { return a[0].(*name).id }

// intArg is a small whole-number literal argument (checked before).
func intArg(n node) int { return int(n.(*numLit).v.lo.Num().Int64()) }

// checkYearly checks F or F, k / F, n: a yearly field and a literal count.
func checkYearly(nargs int, u unit) func(c *checker, args []node) (typ, error) {
	return func(c *checker, args []node) (typ, error) {
		if err := wantArgs(args, nargs, nargs); err != nil {
			return typ{}, err
		}
		n, ok := args[0].(*name)
		if _, fin := finFields[nameID(n, ok)]; !ok || !fin {
			return typ{}, fmt.Errorf("the first argument is a yearly figure (%s), got %s", "revenue_yuan, rd_expense_yuan, …", args[0].src())
		}
		if nargs == 2 {
			if err := smallInt(args[1]); err != nil {
				return typ{}, err
			}
		}
		return typ{kNum, u}, nil
	}
}

func nameID(n *name, ok bool) string {
	if !ok {
		return ""
	}
	return n.id
}

// smallInt requires a whole-number literal from 0 to 20.
func smallInt(n node) error {
	l, ok := n.(*numLit)
	if !ok || l.v.unit != uPlain || !l.v.lo.IsInt() || l.v.lo.Sign() < 0 || l.v.lo.Cmp(big.NewRat(20, 1)) > 0 {
		return fmt.Errorf("want a whole number from 0 to 20, got %s", n.src())
	}
	return nil
}

func checkYears(c *checker, args []node) (typ, error) {
	if err := wantArgs(args, 1, 1); err != nil {
		return typ{}, err
	}
	return typ{kNum, uCount}, smallInt(args[0])
}

// noFiscalYear notes a condition that needs a fiscal year the enterprise
// has not had yet: it is unknown until time passes, not for want of data.
const noFiscalYear = "尚无该会计年度"

// yearValue reads field f of fiscal year y.
func (ev *evaluator) yearValue(f string, y int) (value, bool) {
	ff := finFields[f]
	if reg := ev.ent.RegisteredOn; !reg.IsZero() && y < reg.Year {
		// No such fiscal year: nothing to ask for, it comes with time.
		ev.note(fmt.Sprintf("%d 年企业尚未成立，%s", y, noFiscalYear))
		return value{}, false
	}
	if fy := ev.ent.FinancialsFor(y); fy != nil {
		if p := ff.get(fy); p != nil {
			v := numInt(*p, uMoney)
			if !ev.quiet {
				ev.fact(fmt.Sprintf("financials[%d].%s", y, f), fmt.Sprintf("%d年%s", y, ff.label), v)
			}
			return v, true
		}
	}
	if !ev.quiet {
		ev.miss(fmt.Sprintf("financials[%d].%s", y, f), fmt.Sprintf("%d年%s", y, ff.label))
	}
	return value{}, false
}

// fiscalYears are the last n fiscal years the enterprise operated in: from
// its registration year on (实际经营期不满三年的按实际经营时间计算). known is
// false when the registration date is missing: all n years are then read.
func (ev *evaluator) fiscalYears(n int) (years []int, known bool) {
	first := ev.lastFY() - n + 1
	reg := ev.ent.RegisteredOn
	if !reg.IsZero() && reg.Year > first {
		first = reg.Year
	}
	for y := first; y <= ev.lastFY(); y++ {
		years = append(years, y)
	}
	return years, !reg.IsZero()
}

func evalYears(ev *evaluator, a []node) (value, bool) {
	years, known := ev.fiscalYears(intArg(a[0]))
	if !known {
		ev.miss("registered_on", fields["registered_on"].label)
		return value{}, false
	}
	return numInt(int64(len(years)), uCount), true
}

func evalSum(ev *evaluator, a []node) (value, bool) {
	years, regKnown := ev.fiscalYears(intArg(a[1]))
	if len(years) == 0 {
		ev.note(noFiscalYear)
		return value{}, false
	}
	total, ok := new(big.Rat), true
	for _, y := range years {
		v, known := ev.yearValue(finArg(a), y)
		if known {
			total.Add(total, v.lo)
		}
		ok = ok && known
	}
	if !ok && !regKnown {
		ev.miss("registered_on", fields["registered_on"].label)
	}
	return num(total, uMoney), ok
}

// growth rate per the 工作指引: ½(F₂/F₁ + F₃/F₂) − 1 over three years;
// F₂/F₁ − 1 over two; a zero first year counts from the next; a zero
// second year gives 0; one year gives 0.
func evalGrowth(ev *evaluator, a []node) (value, bool) {
	years, regKnown := ev.fiscalYears(3)
	var vs []*big.Rat
	ok := true
	for _, y := range years {
		v, known := ev.yearValue(finArg(a), y)
		ok = ok && known
		vs = append(vs, v.lo)
	}
	if !ok {
		if !regKnown {
			ev.miss("registered_on", fields["registered_on"].label)
		}
		return value{}, false
	}
	return num(growthRate(vs), uRatio), true
}

func growthRate(vs []*big.Rat) *big.Rat {
	if len(vs) == 3 && vs[0].Sign() == 0 {
		vs = vs[1:]
	}
	one := big.NewRat(1, 1)
	switch {
	case len(vs) < 2 || vs[0].Sign() == 0:
		return new(big.Rat)
	case len(vs) == 2:
		return sub(quo(vs[1], vs[0]), one)
	case vs[1].Sign() == 0:
		return new(big.Rat)
	}
	avg := mul(add(quo(vs[1], vs[0]), quo(vs[2], vs[1])), big.NewRat(1, 2))
	return sub(avg, one)
}
