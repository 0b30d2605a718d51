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

// simulation is the rule evaluated on the dates ahead.
type simulation struct {
	first   map[string]step // condition key → the first date it is met
	lost    map[string]step // condition met at the start → the first date it is not
	asked   map[string]step // condition → the first date it is unknown for want of data
	last    map[string]huiqi.ConditionResult
	met     huiqi.Date // the first date the rule is met
	open    huiqi.Date // the first date no condition is unmet (verdict unknown)
	decide  []huiqi.Field
	stopped string // why the look ahead stopped before the horizon
}

type step struct {
	on huiqi.Date
	r  huiqi.ConditionResult
}

// simulate evaluates the rule for p on every date something changes from
// from to horizon; untilMet stops at the first date the rule is met.
func (s *Set) simulate(p *huiqi.Enterprise, from, horizon huiqi.Date, untilMet bool) simulation {
	sim := simulation{first: map[string]step{}, lost: map[string]step{}, asked: map[string]step{}, last: map[string]huiqi.ConditionResult{}}
	for d := from; dateCmp(d, horizon) <= 0; {
		a, err := s.Assess(p, d)
		if err != nil {
			sim.stopped = "规则自 " + d.String() + " 起没有有效版本，此后无法预计"
			return sim
		}
		walkAll(&a.Conditions, func(r *huiqi.ConditionResult) {
			k := condKey(r)
			if k == "" {
				return
			}
			if _, seen := sim.first[k]; !seen && r.Status == huiqi.Met {
				sim.first[k] = step{d, *r}
			}
			if _, lost := sim.lost[k]; !lost && len(r.Children) == 0 && r.Status == huiqi.Unmet && d != from && sim.last[k].Status == huiqi.Met {
				if st := sim.first[k]; st.on == from {
					sim.lost[k] = step{d, *r}
				}
			}
			if _, seen := sim.asked[k]; !seen && r.Status == huiqi.Unknown && len(r.Missing) > 0 {
				sim.asked[k] = step{d, *r}
			}
			sim.last[k] = *r
		})
		switch a.Verdict {
		case huiqi.Eligible:
			if sim.met.IsZero() {
				sim.met = d
			}
			if untilMet {
				return sim
			}
		case huiqi.Undecided:
			if sim.open.IsZero() && !lacksYear(&a.Conditions) {
				sim.open, sim.decide = d, a.Ask
			}
		}
		d = nextDate(d, &a.Conditions)
	}
	return sim
}

// nextDate is the next date anything changes: the next 1 January (a fiscal
// year closes) or an unmet date condition's MetOn, whichever is first.
func nextDate(d huiqi.Date, root *huiqi.ConditionResult) huiqi.Date {
	next := huiqi.Date{Year: d.Year + 1, Month: 1, Day: 1}
	walkAll(root, func(r *huiqi.ConditionResult) {
		if r.Status == huiqi.Unmet && !r.MetOn.IsZero() && dateCmp(r.MetOn, d) > 0 && dateCmp(r.MetOn, next) < 0 {
			next = r.MetOn
		}
	})
	return next
}

// condKey names a condition across evaluations: its id, else its label.
func condKey(r *huiqi.ConditionResult) string {
	if r.ID != "" {
		return r.ID
	}
	if r.Label != "" {
		return "label:" + r.Label
	}
	return ""
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

// lacksYear tells whether an unknown condition that the verdict waits on
// (not within a met group) needs a fiscal year the enterprise has not had
// yet: the rule cannot be met before that year closes.
func lacksYear(r *huiqi.ConditionResult) bool {
	if r.Status != huiqi.Unknown {
		return false
	}
	if len(r.Children) == 0 {
		return strings.Contains(r.Note, noFiscalYear)
	}
	some, every := false, true
	for i := range r.Children {
		if c := &r.Children[i]; c.Status == huiqi.Unknown {
			l := lacksYear(c)
			some, every = some || l, every && l
		}
	}
	if r.Kind == "any" {
		return every // another route may be met without the year
	}
	return some
}
