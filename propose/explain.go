package propose

import (
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// explain answers each top-level condition, with its value, threshold and
// the words it was read from.
func (pr *Proposal) explain(e *huiqi.Enterprise, asOf huiqi.Date) []huiqi.MatchCondition {
	out := make([]huiqi.MatchCondition, 0, len(pr.Conds))
	srcs := make([]huiqi.Provenance, len(pr.Conds)) // one allocation for all
	for i := range pr.Conds {
		c := &pr.Conds[i]
		ctx := &evalCtx{e: e, asOf: asOf}
		srcs[i] = huiqi.Provenance{PolicyID: pr.Cite.PolicyID, Version: pr.Cite.Version,
			ClausePath: pr.Cite.ClausePath, Span: c.Span, Text: c.Text}
		mc := huiqi.MatchCondition{
			ID: c.ID, Label: c.Label, Status: ctx.eval(c), Proposed: true,
			Uncertain: uncertain(c), Declare: c.Kind == CondDeclare, Stated: c.Kind == CondStated, Source: &srcs[i],
		}
		if len(ctx.missing) > 0 {
			mc.Missing = dedupe(ctx.missing)
		}
		mc.Value, mc.Threshold = ctx.words(c)
		out = append(out, mc)
	}
	return out
}

func uncertain(c *Cond) bool {
	if c.Uncertain {
		return true
	}
	for i := range c.Children {
		if uncertain(&c.Children[i]) {
			return true
		}
	}
	return false
}

// words are a condition's value found and threshold, in words.
func (ctx *evalCtx) words(c *Cond) (value, threshold string) {
	e := ctx.e
	switch c.Kind {
	case CondNumber:
		v, ok := ctx.number(c.Field)
		unit := "元"
		if c.Field == "employees" {
			unit = "人"
			threshold = opLabel[c.Op] + " " + strconv.FormatInt(c.Value, 10) + unit
		} else {
			threshold = opLabel[c.Op] + " " + yuanWords(c.Value)
		}
		if ok {
			value = strconv.FormatInt(v, 10) + unit
		}
	case CondAge:
		threshold = "成立日期 " + opLabel[c.Op] + " " + monthsBefore(ctx.asOf, c.Value).String()
		if !e.RegisteredOn.IsZero() {
			value = e.RegisteredOn.String()
		}
	case CondRegion:
		threshold = "位于 " + c.Text // the region's name as the policy gives it
		if e.RegionCode == "" || !region.Contains(c.Region, e.RegionCode) {
			value = e.RegionCode // the value says why only when unmet
		}
	case CondStated:
		answer, answered := e.Declarations[c.ID]
		switch {
		case !answered:
			value = "待申请人说明"
		case answer:
			value = "申请人说明符合"
		default:
			value = "申请人说明不符合"
		}
	case CondDeclare:
		answer, answered := e.Declarations[c.ID]
		switch {
		case !answered:
			value = "待申请人确认"
		case answer:
			value = "申请人已确认"
		default:
			value = "申请人表示不符合"
		}
	}
	return value, threshold
}
