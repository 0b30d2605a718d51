package rules

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

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
