package rules

import (
	"slices"

	"github.com/huiqi-dev/huiqi"
)

// maxPlanRounds bounds how often a plan is completed: meeting one need may
// break another condition (more R&D lowers the domestic share of R&D).
const maxPlanRounds = 3

// planAhead projects again with the needs met. When a condition is still
// unmet when the coming fiscal year closes, its own need (on the figures
// of the plan) joins the plan and the projection is run again, at most
// maxPlanRounds times. It sets the status, the earliest date and the
// entries of the needs added.
func (s *Set) planAhead(o *huiqi.Outlook, pr *projection, plan []*huiqi.Need, now *huiqi.Assessment) {
	on := huiqi.Date{Year: pr.base + 2, Month: 1, Day: 1} // the coming fiscal year has closed
	var again simulation
	for round := 0; round < maxPlanRounds; round++ {
		p := projection{ent: pr.with(plan), base: pr.base, end: pr.end, rates: pr.rates}
		again = s.simulate(p.ent, now.AsOf, o.Horizon, true)
		switch {
		case !again.met.IsZero():
			o.Status, o.Earliest = huiqi.OutlookWithNeeds, again.met
		case !again.open.IsZero(): // with the needs met, nothing is unmet from then on
			o.Status, o.Earliest, o.Decide = huiqi.OutlookUndecided, again.open, again.decide
		}
		if o.Status != huiqi.OutlookNotReachable {
			break
		}
		a, err := s.Assess(p.ent, on)
		if err != nil {
			break
		}
		more := s.moreNeeds(&p, &a.Conditions)
		if len(more) == 0 {
			break
		}
		for _, n := range more {
			plan = append(plan, n.Need)
			o.Conditions = slices.DeleteFunc(o.Conditions, func(c huiqi.ConditionOutlook) bool { return c.ID == n.ID })
			n.Status = statusOf(&now.Conditions, n.ID)
			o.Conditions = append(o.Conditions, n)
		}
	}
	o.Conditions = append(o.Conditions, lostEntries(&again, o.Conditions)...)
}

// moreNeeds are the needs of the checks r leaves unmet: every one under an
// `all`, the cheapest route's under an `any`.
func (s *Set) moreNeeds(pr *projection, r *huiqi.ConditionResult) []huiqi.ConditionOutlook {
	if r.Status != huiqi.Unmet {
		return nil
	}
	switch r.Kind {
	case "all":
		var out []huiqi.ConditionOutlook
		for i := range r.Children {
			out = append(out, s.moreNeeds(pr, &r.Children[i])...)
		}
		return out
	case "any":
		var best []huiqi.ConditionOutlook
		for i := range r.Children {
			if more := s.moreNeeds(pr, &r.Children[i]); len(more) > 0 && (best == nil || entryIncrease(more) < entryIncrease(best)) {
				best = more
			}
		}
		return best
	}
	if len(r.Children) > 0 {
		return nil
	}
	n := s.need(r.ID, pr)
	if n == nil {
		return nil
	}
	return []huiqi.ConditionOutlook{{ID: r.ID, Label: r.Label, Need: n, Reason: needWords(n)}}
}

func entryIncrease(es []huiqi.ConditionOutlook) int64 {
	var sum int64
	for _, e := range es {
		sum += e.Need.RequiredYuan - e.Need.ProjectedYuan
	}
	return sum
}

// statusOf is the status of condition id in a tree, met when not found.
func statusOf(root *huiqi.ConditionResult, id string) huiqi.Status {
	st := huiqi.Met
	walkAll(root, func(r *huiqi.ConditionResult) {
		if r.ID == id {
			st = r.Status
		}
	})
	return st
}
