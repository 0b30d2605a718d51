package match

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// total adds the amounts of the results under the stacking rules with
// rules.Stack: eligible amounts count fully, likely and unknown ones only
// toward the maximum; within an exclusive group (就高不重复) only the
// highest counts; a yearly-cap group is clamped. Loans, funds and tax
// measures are listed but never added.
//
// Stacking groups never reach across policies (propose names them by
// policy), so rules.Stack runs per policy on the measures that have a
// group — its cost grows with groups × measures — and curated rules, whose
// groups are their own, all go together.
func total(rs []huiqi.MatchResult) huiqi.MatchTotal {
	out := huiqi.MatchTotal{Lines: make([]huiqi.TotalLine, 0, len(rs))}
	groups := map[string][]huiqi.Assessment{}
	var order []string
	for i := range rs {
		r := &rs[i]
		if r.Status == huiqi.MatchNotEligible || r.NotFunding {
			continue
		}
		v := huiqi.Eligible
		if r.Status != huiqi.MatchEligible {
			v = huiqi.Undecided
		}
		if am := r.Amount; am == nil || am.Exclusive == "" && am.CapGroup == "" {
			add(&out, line(r.MeasureID, v, am))
			continue
		}
		a := huiqi.Assessment{RuleID: r.MeasureID, Name: r.Name, Verdict: v, Amount: r.Amount}
		g := r.Cited.PolicyID
		if r.Curated {
			g = "curated"
		}
		if groups[g] == nil {
			order = append(order, g)
		}
		groups[g] = append(groups[g], a)
	}
	for _, g := range order {
		for _, l := range rules.Stack(groups[g]).Lines {
			add(&out, huiqi.TotalLine{MeasureID: l.RuleID, MinYuan: l.Min, MaxYuan: l.Max, Reason: l.Reason})
		}
	}
	return out
}

func add(t *huiqi.MatchTotal, l huiqi.TotalLine) {
	t.Lines = append(t.Lines, l)
	t.MinYuan += l.MinYuan
	t.MaxYuan += l.MaxYuan
}

// line is what rules.Stack counts of a measure in no group.
func line(id string, v huiqi.Verdict, am *huiqi.Amount) huiqi.TotalLine {
	l := huiqi.TotalLine{MeasureID: id}
	switch {
	case am == nil || len(am.Missing) > 0:
		l.Reason = "金额未知"
	case v == huiqi.Eligible:
		l.MinYuan, l.MaxYuan = am.Min, am.Max
	default:
		l.MaxYuan, l.Reason = am.Max, "条件待定，仅计入上限"
	}
	return l
}
