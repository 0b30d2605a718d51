package match

import (
	"github.com/huiqi-dev/huiqi"
)

// curated answers a measure by its curated rule (package rules).
func (it *item) curated(r *huiqi.MatchResult, e *huiqi.Enterprise, asOf huiqi.Date, explain bool) {
	a, err := it.set.Assess(e, asOf)
	if err != nil { // no version in force: inForce keeps this from happening
		r.Status, r.Reasons = huiqi.MatchUnknown, []string{err.Error()}
		return
	}
	r.Curated, r.Name, r.Amount, r.Ask = true, a.Name, a.Amount, a.Ask
	switch a.Verdict {
	case huiqi.Eligible:
		r.Status = huiqi.MatchEligible
		if len(a.Declarations) > 0 {
			r.Status = huiqi.MatchLikely
		}
	case huiqi.NotEligible:
		r.Status = huiqi.MatchNotEligible
	default:
		r.Status = huiqi.MatchUnknown
	}
	if !explain {
		return
	}
	root := a.Conditions
	kids := root.Children
	if len(kids) == 0 {
		kids = []huiqi.ConditionResult{root}
	}
	for _, c := range kids {
		r.Conditions = append(r.Conditions, huiqi.MatchCondition{
			ID: c.ID, Label: c.Label, Status: c.Status, Value: c.Value, Threshold: c.Threshold,
			Declare: c.Declaration != nil, Missing: c.Missing,
		})
	}
	r.Reasons = reasons(r.Status, r.Conditions, r.Ask, nil)
	for _, d := range a.Declarations {
		r.Reasons = append(r.Reasons, "待申请人确认："+d.Label)
	}
}
