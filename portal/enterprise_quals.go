package portal

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// qualView is one national qualification assessed for the enterprise.
type qualView struct {
	A       huiqi.Assessment
	Verdict string
	Conds   []condView
	Next    *askView // the next question to answer, when undecided
	Ask     []askView
}

var verdictLabels = map[huiqi.Verdict]string{huiqi.Eligible: "符合条件", huiqi.NotEligible: "暂不符合", huiqi.Undecided: "信息不足，待定"}

// assessQualifications assesses every national qualification set in force.
func assessQualifications(sets []*rules.Set, e *huiqi.Enterprise, asOf huiqi.Date) []qualView {
	var out []qualView
	for _, s := range sets {
		a, err := s.Assess(e, asOf)
		if err != nil {
			continue // no version in force on asOf
		}
		q := qualView{A: a, Verdict: verdictLabels[a.Verdict], Ask: askViews(a.Ask)}
		if len(q.Ask) > 0 {
			q.Next = &q.Ask[0]
		}
		for _, c := range a.Conditions.Children {
			flatten(c, 0, &q.Conds)
		}
		out = append(out, q)
	}
	return out
}

// flatten lists a condition and its children, depth first, for a table.
func flatten(c huiqi.ConditionResult, depth int, out *[]condView) {
	cv := condView{Label: c.Label, Status: string(c.Status), StatusLabel: condLabels[c.Status], Value: c.Value,
		Threshold: c.Threshold, Gap: c.Gap, Clause: c.Clause, Depth: depth}
	if c.Declaration != nil && c.Status == huiqi.Met && !c.Declaration.Confirmed {
		cv.Status, cv.StatusLabel = string(huiqi.Unknown), "待确认"
	}
	if c.Gap == "" && c.Status == huiqi.Unknown && len(c.Missing) > 0 {
		cv.Gap = "需补充：" + missingLabels(c.Missing)
	}
	*out = append(*out, cv)
	for _, ch := range c.Children {
		flatten(ch, depth+1, out)
	}
}
