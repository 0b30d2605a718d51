package portal

import (
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
	"github.com/huiqi-dev/huiqi/rules/window"
)

// qualView is one national qualification assessed for the enterprise.
type qualView struct {
	A       huiqi.Assessment
	Verdict string
	Conds   []condView
	Next    *askView // the next question to answer, when undecided
	Ask     []askView
	// Outlook says when a qualification not met today could be
	// (培育后多久), nil when it is met or cannot be looked ahead.
	Outlook *huiqi.Outlook
	Ahead   []outlookLine
}

// outlookLine is one condition of an outlook: what it takes and when.
type outlookLine struct{ Label, When string }

var verdictLabels = map[huiqi.Verdict]string{huiqi.Eligible: "符合条件", huiqi.NotEligible: "暂不符合", huiqi.Undecided: "信息不足，待定"}

// assessQualifications assesses every national qualification set in force
// with its outlook (last year's growth, five years ahead) and next window,
// as huiqi assess and POST /api/v1/assess do; the assessments are returned
// too, for what the titles would open (match.Matcher.WithinReach).
func assessQualifications(sets []*rules.Set, e *huiqi.Enterprise, asOf huiqi.Date) ([]qualView, []huiqi.Assessment) {
	as, err := assessSets(sets, e, asOf)
	if err != nil {
		return nil, nil
	}
	out := make([]qualView, 0, len(as))
	for _, a := range as {
		q := qualView{A: a, Verdict: verdictLabels[a.Verdict], Ask: askViews(a.Ask)}
		if len(q.Ask) > 0 {
			q.Next = &q.Ask[0]
		}
		for _, c := range a.Conditions.Children {
			flatten(c, 0, &q.Conds)
		}
		// An undecided outlook only repeats what is missing: the next
		// question says it better.
		if o := a.Outlook; a.Verdict != huiqi.Eligible && o != nil && o.Status != huiqi.OutlookEligible && o.Status != huiqi.OutlookUndecided {
			q.Outlook, q.Ahead = o, outlookLines(o)
		}
		out = append(out, q)
	}
	return out, as
}

// assessSets is national.AssessSets under the default assumption and the
// embedded default windows.
func assessSets(sets []*rules.Set, e *huiqi.Enterprise, asOf huiqi.Date) ([]huiqi.Assessment, error) {
	wins, err := window.Default()
	if err != nil {
		return nil, err
	}
	as, _, err := national.AssessSets(sets, e, asOf, rules.Assumption{Growth: rules.GrowthLastYear, Years: 5}, wins)
	return as, err
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

// outlookLines say, for each condition not met today, when it is met under
// the assumption or what the coming year's figure must reach.
func outlookLines(o *huiqi.Outlook) []outlookLine {
	var out []outlookLine
	for _, c := range o.Conditions {
		l := outlookLine{Label: c.Label, When: c.Reason}
		switch {
		case c.Need != nil:
			l.When = fmt.Sprintf("%s需达到 %s（按假设为 %s），%s起满足", c.Need.Label, wan(c.Need.RequiredYuan), rangeWords(c.Need.ProjectedYuan, c.Need.ProjectedYuan), dateLabel(c.Need.MetOn))
		case !c.MetOn.IsZero() && strings.Contains(c.Reason, "起满足"):
			l.When = dateLabel(c.MetOn) + "起满足"
		case !c.MetOn.IsZero():
			l.When = dateLabel(c.MetOn) + "起满足" + parenthesised(c.Reason)
		case len(c.Missing) > 0 && l.When == "":
			l.When = "需补充：" + missingLabels(c.Missing)
		}
		out = append(out, l)
	}
	return out
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
}
