package rules

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// explainer says, for each condition not met on the evaluation date, when
// it is met under the assumption or what it needs.
type explainer struct {
	set           *Set
	pr            *projection
	sim           *simulation
	asOf, horizon huiqi.Date
}

// explain walks the conditions not met on asOf: the unmet routes of a met
// or unknown `any` are alternatives and left out (unless one becomes met
// later: it may be the way the rule is met); an unmet `any` is listed
// with the earliest of its routes, then its routes. It returns the entries
// and the needs of a plan meeting the rule: every need of an `all`, the
// cheapest route's of an `any`.
func (x *explainer) explain(r *huiqi.ConditionResult, out []huiqi.ConditionOutlook) ([]huiqi.ConditionOutlook, []*huiqi.Need) {
	if r.Status == huiqi.Met {
		return out, nil
	}
	switch r.Kind {
	case "all":
		var plan []*huiqi.Need
		for i := range r.Children {
			var p []*huiqi.Need
			out, p = x.explain(&r.Children[i], out)
			plan = append(plan, p...)
		}
		return out, plan
	case "any":
		if r.Status == huiqi.Unmet {
			out = append(out, x.entry(r))
		}
		var best []*huiqi.Need
		for i := range r.Children {
			c := &r.Children[i]
			if _, later := x.sim.first[condKey(c)]; r.Status == huiqi.Unknown && c.Status == huiqi.Unmet && !later {
				continue // an alternative that stays unmet does not block
			}
			var p []*huiqi.Need
			out, p = x.explain(c, out)
			if len(p) > 0 && (best == nil || increase(p) < increase(best)) {
				best = p
			}
		}
		return out, best
	}
	e := x.entry(r)
	if e.Need != nil {
		return append(out, e), []*huiqi.Need{e.Need}
	}
	return append(out, e), nil
}

func increase(ns []*huiqi.Need) int64 {
	var sum int64
	for _, n := range ns {
		sum += n.RequiredYuan - n.ProjectedYuan
	}
	return sum
}

// entry explains one condition.
func (x *explainer) entry(r *huiqi.ConditionResult) huiqi.ConditionOutlook {
	e := huiqi.ConditionOutlook{ID: r.ID, Label: r.Label, Status: r.Status}
	k := condKey(r)
	if st, ok := x.sim.first[k]; ok {
		e.MetOn, e.Value, e.Threshold = st.on, st.r.Value, st.r.Threshold
		e.Reason = x.why(r, st)
		return e
	}
	last, seen := x.sim.last[k]
	if !seen {
		last = *r
	}
	if last.Status == huiqi.Unknown {
		asked, ok := x.sim.asked[k]
		switch {
		case ok && asked.on != x.asOf:
			e.Missing = asked.r.Missing
			e.Reason = fmt.Sprintf("%s 起（%d 会计年度结束后）可以评价，取决于：%s", asked.on, asked.on.Year-1, fieldWords(e.Missing))
		case ok:
			e.Missing = asked.r.Missing
			e.Reason = "取决于尚缺的信息：" + fieldWords(e.Missing)
		case last.Note != "":
			e.Reason = "待定：" + last.Note
		default:
			e.Reason = "取决于尚缺的信息"
		}
		return e
	}
	if len(r.Children) == 0 {
		e.Need = x.set.need(r.ID, x.pr)
	}
	if n := e.Need; n != nil {
		e.Reason = needWords(n)
		return e
	}
	e.Reason = "按假设至 " + x.horizon.String() + " 仍不满足"
	switch {
	case r.Kind == "any":
		e.Reason += "（满足其一即可，各项见下）"
	case r.Gap != "":
		e.Reason += "：" + r.Gap
	}
	return e
}

// why says why a condition is met on the first date it is.
func (x *explainer) why(r *huiqi.ConditionResult, st step) string {
	switch {
	case r.MetOn == st.on && r.Gap != "":
		return r.Gap
	case len(r.Children) > 0:
		for i := range r.Children {
			if c, ok := x.sim.first[condKey(&r.Children[i])]; ok && c.on == st.on {
				return "最早满足的是：" + r.Children[i].Label
			}
		}
		return st.on.String() + " 起满足"
	}
	data := fmt.Sprintf("%d 会计年度结束后", st.on.Year-1)
	if st.on.Month != 1 || st.on.Day != 1 {
		data = st.on.String() + " 起"
	}
	for _, f := range st.r.Facts {
		if x.pr.projected(f) {
			data += "（含按假设预计的数据）"
			break
		}
	}
	return data + "：" + joinWords("，", st.r.Value, st.r.Threshold)
}

func fieldWords(fs []huiqi.Field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Label + "（" + f.Path + "）"
	}
	return strings.Join(parts, "、")
}

func joinWords(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func yuanWords(n int64) string { return formatNum(new(big.Rat).SetInt64(n), uMoney) }

// needWords: 若 2026年研发费用 达到 255 万元（按假设预计 100 万元，需再增加 155 万元），2027-01-01 起满足.
func needWords(n *huiqi.Need) string {
	return fmt.Sprintf("若 %s 达到 %s（按假设预计 %s，需再增加 %s），%s 起满足", n.Label,
		yuanWords(n.RequiredYuan), yuanWords(n.ProjectedYuan), yuanWords(n.RequiredYuan-n.ProjectedYuan), n.MetOn)
}
