package propose

import (
	"math/big"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// Answer is a proposal evaluated for one enterprise.
type Answer struct {
	Status huiqi.MatchStatus
	// Conds are the top-level conditions answered (only when explained).
	Conds   []huiqi.MatchCondition
	Missing []huiqi.Field
	Amount  *huiqi.Amount
}

// evalCtx carries one evaluation.
type evalCtx struct {
	e       *huiqi.Enterprise
	asOf    huiqi.Date
	strict  bool // unconfirmed declarations and uncertain readings count as unknown
	quiet   bool // do not record the missing fields
	missing []huiqi.Field
}

// Eval answers the proposal for e as of asOf with the rule language's
// semantics (a test keeps it equal to evaluating YAML with package rules):
// not_eligible when a condition is unmet, unknown when one is unknown (a
// missing profile field, a fact the applicant has not stated), else
// eligible when the conditions also hold with every unconfirmed
// declaration and every uncertain reading taken as unknown, likely when
// they hold only by those. With explain it reports each condition.
func (pr *Proposal) Eval(e *huiqi.Enterprise, asOf huiqi.Date, explain bool) Answer {
	ctx := &evalCtx{e: e, asOf: asOf}
	st := ctx.all(pr.Conds)
	var a Answer
	switch st {
	case huiqi.Unmet:
		a.Status = huiqi.MatchNotEligible
	case huiqi.Unknown:
		a.Status, a.Missing = huiqi.MatchUnknown, dedupe(ctx.missing)
	default:
		strict := &evalCtx{e: e, asOf: asOf, strict: true}
		a.Status = huiqi.MatchLikely
		if strict.all(pr.Conds) == huiqi.Met {
			a.Status = huiqi.MatchEligible
		}
	}
	if a.Status != huiqi.MatchNotEligible {
		a.Amount = pr.amount(e, asOf)
	}
	if explain {
		a.Conds = pr.explain(e, asOf)
	}
	return a
}

func (ctx *evalCtx) all(cs []Cond) huiqi.Status {
	out := huiqi.Met
	for i := range cs {
		switch ctx.eval(&cs[i]) {
		case huiqi.Unmet:
			return huiqi.Unmet
		case huiqi.Unknown:
			out = huiqi.Unknown
		}
	}
	return out
}

func (ctx *evalCtx) eval(c *Cond) huiqi.Status {
	s := ctx.leaf(c)
	if ctx.strict && c.Uncertain && s == huiqi.Met {
		return huiqi.Unknown
	}
	return s
}

func (ctx *evalCtx) leaf(c *Cond) huiqi.Status {
	e := ctx.e
	switch c.Kind {
	case CondAll:
		return ctx.all(c.Children)
	case CondAny:
		out := huiqi.Unmet
		for i := range c.Children {
			switch ctx.eval(&c.Children[i]) {
			case huiqi.Met:
				return huiqi.Met
			case huiqi.Unknown:
				out = huiqi.Unknown
			}
		}
		return out
	case CondDeclare:
		answer, answered := e.Declarations[c.ID]
		switch {
		case answered && !answer:
			return huiqi.Unmet
		case !answered && ctx.strict:
			return huiqi.Unknown
		}
		return huiqi.Met
	case CondStated:
		if answer, answered := e.Declarations[c.ID]; answered {
			return boolStatus(answer)
		}
		return ctx.miss("declarations."+c.ID, c.Label)
	case CondRegion:
		if e.RegionCode == "" {
			return ctx.miss("region_code", "注册地行政区划代码")
		}
		return boolStatus(region.Contains(c.Region, e.RegionCode))
	case CondIndustry:
		if e.IndustryCode == "" {
			return ctx.miss("industry_code", "行业代码")
		}
		for _, p := range c.Prefixes { // a section contains its divisions: C contains 3911
			if industry.Contains(p, e.IndustryCode) {
				return huiqi.Met
			}
		}
		return huiqi.Unmet
	case CondNumber:
		v, ok := ctx.number(c.Field)
		if !ok {
			return huiqi.Unknown
		}
		return boolStatus(compare(v, c.Op, c.Value))
	case CondAge:
		return ctx.registered(c)
	case CondCert:
		return ctx.certified(c)
	case CondNewCert:
		return ctx.newlyCertified(c)
	}
	return huiqi.Unknown
}

func (ctx *evalCtx) miss(path, label string) huiqi.Status {
	if ctx.quiet {
		return huiqi.Unknown
	}
	ctx.missing = append(ctx.missing, huiqi.Field{Path: path, Label: label})
	return huiqi.Unknown
}

func boolStatus(b bool) huiqi.Status {
	if b {
		return huiqi.Met
	}
	return huiqi.Unmet
}

func compare(v int64, op string, t int64) bool {
	switch op {
	case ">=":
		return v >= t
	case ">":
		return v > t
	case "<=":
		return v <= t
	case "<":
		return v < t
	}
	return false
}

// number reads a profile figure: employees, or a money field of the last
// fiscal year (the year before as_of).
func (ctx *evalCtx) number(field string) (int64, bool) {
	if field == "employees" {
		if ctx.e.Employees == nil {
			ctx.miss("employees", "职工人数")
			return 0, false
		}
		return int64(*ctx.e.Employees), true
	}
	y := ctx.asOf.Year - 1
	if f := ctx.e.FinancialsFor(y); f != nil {
		if p := moneyField(f, field); p != nil {
			return *p, true
		}
	}
	if !ctx.quiet {
		ctx.miss(fieldPath(y, field), fieldLabel(y, field))
	}
	return 0, false
}

func moneyField(f *huiqi.Financials, field string) *int64 {
	switch field {
	case "revenue_yuan":
		return f.RevenueYuan
	case "rd_expense_yuan":
		return f.RDExpenseYuan
	}
	return nil
}

// rateOf is a decimal rate ("0.35") as an exact fraction.
func rateOf(s string) (*big.Rat, bool) {
	return new(big.Rat).SetString(s)
}
