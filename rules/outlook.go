package rules

import (
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Outlook looks ahead from asOf for a rule e does not meet yet ("培育后多久
// 能申报成功"): it evaluates the rule again on every date something
// changes — a date condition (registration age) becomes met, a fiscal year
// closes (1 January: the year's figures, projected under the assumption,
// become the last fiscal year's) — until the rule is met or the horizon
// (31 December, a.Years years ahead) is passed. The first date the rule is
// met is the earliest; each condition not met on asOf says when it is met
// or, when the projection never meets it, what the coming fiscal year's
// figure must reach. It fails only when no version is in force on asOf or
// the assumption is invalid.
func (s *Set) Outlook(e *huiqi.Enterprise, asOf huiqi.Date, a Assumption) (*huiqi.Outlook, error) {
	a, err := a.norm()
	if err != nil {
		return nil, err
	}
	now, err := s.Assess(e, asOf)
	if err != nil {
		return nil, err
	}
	pr := project(e, asOf, a, figuresRead(&now.Conditions))
	o := &huiqi.Outlook{Growth: a.Growth, Assumptions: pr.notes, Horizon: huiqi.Date{Year: asOf.Year + a.Years, Month: 12, Day: 31}}
	if now.Verdict == huiqi.Eligible {
		// Met today: say only what the projection loses later.
		o.Status, o.Earliest = huiqi.OutlookEligible, asOf
		sim := s.simulate(pr.ent, asOf, o.Horizon, false)
		o.Conditions = lostEntries(&sim, nil)
		return o, nil
	}
	sim := s.simulate(pr.ent, asOf, o.Horizon, true)
	x := &explainer{set: s, pr: &pr, sim: &sim, asOf: asOf, horizon: o.Horizon}
	var plan []*huiqi.Need
	o.Conditions, plan = x.explain(&now.Conditions, nil)
	switch {
	case !sim.met.IsZero():
		o.Status, o.Earliest = huiqi.OutlookReachable, sim.met
		if !sim.open.IsZero() {
			o.Possible, o.Decide = sim.open, sim.decide
		}
	case !sim.open.IsZero():
		o.Status, o.Earliest, o.Decide = huiqi.OutlookUndecided, sim.open, sim.decide
	default:
		o.Status = huiqi.OutlookNotReachable
		if len(plan) > 0 {
			s.planAhead(o, &pr, plan, &now)
		}
	}
	o.Conditions = append(o.Conditions, lostEntries(&sim, o.Conditions)...)
	if sim.stopped != "" {
		o.Assumptions = append(o.Assumptions, sim.stopped)
	}
	return o, nil
}

// figuresRead are the yearly figures the conditions read or lack.
func figuresRead(root *huiqi.ConditionResult) []string {
	var out []string
	add := func(path string) {
		for name := range finFields {
			if strings.HasSuffix(path, "."+name) && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	walkAll(root, func(r *huiqi.ConditionResult) {
		for _, f := range r.Facts {
			add(f.Name)
		}
		for _, f := range r.Missing {
			add(f.Path)
		}
	})
	return out
}

// lostEntries explains the conditions met on the evaluation date that the
// look ahead finds unmet later (a growth score falling, a size limit
// passed), unless already explained.
func lostEntries(sim *simulation, have []huiqi.ConditionOutlook) []huiqi.ConditionOutlook {
	var out []huiqi.ConditionOutlook
	for _, k := range sortedKeys(sim.lost) {
		st := sim.lost[k]
		if slices.ContainsFunc(have, func(c huiqi.ConditionOutlook) bool {
			return condKey(&huiqi.ConditionResult{ID: c.ID, Label: c.Label}) == k
		}) {
			continue
		}
		r := st.r
		out = append(out, huiqi.ConditionOutlook{ID: r.ID, Label: r.Label, Status: huiqi.Met, LostOn: st.on, Value: r.Value, Threshold: r.Threshold,
			Reason: joinWords("：", "按假设 "+st.on.String()+" 起不再满足", joinWords("，", r.Value, r.Threshold, r.Gap))})
	}
	return out
}
