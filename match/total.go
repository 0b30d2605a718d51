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
func total(rs []huiqi.MatchResult) huiqi.MatchTotal {
	as := make([]huiqi.Assessment, 0, len(rs))
	for _, r := range rs {
		if r.Status == huiqi.MatchNotEligible || r.NotFunding {
			continue
		}
		v := huiqi.Eligible
		if r.Status != huiqi.MatchEligible {
			v = huiqi.Undecided
		}
		as = append(as, huiqi.Assessment{RuleID: r.MeasureID, Name: r.Name, Verdict: v, Amount: r.Amount})
	}
	st := rules.Stack(as)
	out := huiqi.MatchTotal{MinYuan: st.Min, MaxYuan: st.Max, Lines: make([]huiqi.TotalLine, len(st.Lines))}
	for i, l := range st.Lines {
		out.Lines[i] = huiqi.TotalLine{MeasureID: l.RuleID, MinYuan: l.Min, MaxYuan: l.Max, Reason: l.Reason}
	}
	return out
}
