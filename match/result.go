package match

import (
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// result answers one measure for e; with explain, its conditions and
// reasons too.
func (it *item) result(e *huiqi.Enterprise, asOf huiqi.Date, explain bool) huiqi.MatchResult {
	pr := it.prop
	r := huiqi.MatchResult{MeasureID: pr.ID, Name: pr.Name, Policy: pr.Title, DocNumber: pr.DocNumber,
		Cited: pr.Cite, NotFunding: pr.Amount.NotFunding}
	if it.set != nil {
		it.curated(&r, e, asOf, explain)
		return r
	}
	a := pr.Eval(e, asOf, explain)
	r.Status, r.Amount, r.Ask, r.Conditions = a.Status, a.Amount, a.Missing, a.Conds
	if explain {
		r.Reasons = reasons(r.Status, r.Conditions, r.Ask, it.why)
	} else {
		r.Cited.Text = ""
	}
	return r
}

// withTemplate makes the answer shared by the enterprises of the
// measure's region that have not answered its declarations.
func (it *item) withTemplate() {
	if !it.prop.Independent() {
		return
	}
	code := it.prop.Region
	if code == region.National.Code {
		code = ""
	}
	r := it.result(&huiqi.Enterprise{RegionCode: code}, huiqi.Date{}, true)
	it.template, it.decls = &r, it.prop.Declarations()
}

// explained answers one measure with its conditions and reasons: the
// template when it holds for e (its slices are shared: read-only).
func (it *item) explained(e *huiqi.Enterprise, asOf huiqi.Date) huiqi.MatchResult {
	if it.template != nil && !answered(e, it.decls) &&
		(it.prop.Region == region.National.Code || e.RegionCode != "" && region.Contains(it.prop.Region, e.RegionCode)) {
		return *it.template
	}
	return it.result(e, asOf, true)
}

func answered(e *huiqi.Enterprise, ids []string) bool {
	if len(e.Declarations) == 0 {
		return false
	}
	for _, id := range ids {
		if _, ok := e.Declarations[id]; ok {
			return true
		}
	}
	return false
}

// reasons say why, in words: the unmet conditions of a not eligible
// measure, the missing fields and unstated facts of an unknown one, the
// declarations and readings a likely one rests on.
// why, when given, holds the likely reason of each condition, made once.
func reasons(st huiqi.MatchStatus, cs []huiqi.MatchCondition, ask []huiqi.Field, why []string) []string {
	var out []string
	for i, c := range cs {
		switch {
		case st == huiqi.MatchNotEligible && c.Status == huiqi.Unmet:
			out = append(out, "不符合："+c.Label+valueWords(c))
		case st == huiqi.MatchLikely && c.Status == huiqi.Met && (c.Declare && c.Value != confirmed || c.Uncertain):
			if why != nil {
				out = append(out, why[i])
			} else {
				out = append(out, likelyReason(c.Label, c.Declare))
			}
		}
	}
	if st == huiqi.MatchUnknown {
		out = append(out, askReasons(ask)...)
	}
	if st == huiqi.MatchEligible {
		out = append(out, "全部条件均已由企业信息满足")
	}
	return out
}

// askReasons say what an unknown answer waits for: the missing profile
// fields, then each fact the applicant has not stated.
func askReasons(ask []huiqi.Field) []string {
	var fields, facts []string
	for _, f := range ask {
		if strings.HasPrefix(f.Path, factPrefix) {
			facts = append(facts, "待申请人说明："+strings.TrimPrefix(f.Label, "符合原文所述条件："))
		} else {
			fields = append(fields, f.Label)
		}
	}
	if len(fields) > 0 {
		facts = append([]string{"缺少企业信息：" + strings.Join(fields, "、")}, facts...)
	}
	return facts
}

// factPrefix starts the path of a stated fact: declarations.ID.
const factPrefix = "declarations."

// confirmed is the value of a declaration the applicant has confirmed.
const confirmed = "申请人已确认"

// likelyReason says what a likely answer rests on: a declaration to
// confirm, or a proposed reading to check.
func likelyReason(label string, declare bool) string {
	if declare {
		return "待申请人确认：" + strings.TrimPrefix(label, "符合原文所述条件：")
	}
	return "提议条件待核对：" + label
}

func valueWords(c huiqi.MatchCondition) string {
	if c.Value == "" || c.Threshold == "" {
		return ""
	}
	return "（现为 " + c.Value + "，需 " + c.Threshold + "）"
}

// statusOrder ranks the statuses as reports list them.
func statusOrder(s huiqi.MatchStatus) int {
	switch s {
	case huiqi.MatchEligible:
		return 0
	case huiqi.MatchLikely:
		return 1
	case huiqi.MatchUnknown:
		return 2
	}
	return 3
}

// sortResults orders by status, then the larger maximum amount first.
func sortResults(rs []huiqi.MatchResult) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if oa, ob := statusOrder(a.Status), statusOrder(b.Status); oa != ob {
			return oa < ob
		}
		return maxOf(a.Amount) > maxOf(b.Amount)
	})
}

func maxOf(a *huiqi.Amount) int64 {
	if a == nil {
		return -1
	}
	return a.Max
}
