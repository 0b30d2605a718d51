package rules

import (
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// run computes the outlook of the case and compares it with x.
func (x *OutlookExpect) run(s *Set, c *Case) []string {
	o, err := s.Outlook(c.Profile, c.AsOf, Assumption{Growth: x.Growth})
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	if x.Status != "" && o.Status != x.Status {
		out = append(out, fmt.Sprintf("status %s, want %s%s", o.Status, x.Status, outlookWhy(o)))
	}
	if !x.Earliest.d.IsZero() && o.Earliest != x.Earliest.d {
		out = append(out, fmt.Sprintf("earliest %s, want %s%s", o.Earliest, x.Earliest.d, outlookWhy(o)))
	}
	if !x.Possible.d.IsZero() && o.Possible != x.Possible.d {
		out = append(out, fmt.Sprintf("possible %s, want %s", o.Possible, x.Possible.d))
	}
	byID := map[string]*huiqi.ConditionOutlook{}
	for i := range o.Conditions {
		byID[o.Conditions[i].ID] = &o.Conditions[i]
	}
	for _, id := range sortedKeys(x.MetOn) {
		switch e, ok := byID[id]; {
		case !ok:
			out = append(out, fmt.Sprintf("met_on %s: not among the conditions explained", id))
		case e.MetOn != x.MetOn[id].d:
			out = append(out, fmt.Sprintf("met_on %s: %s, want %s (%s)", id, e.MetOn, x.MetOn[id].d, e.Reason))
		}
	}
	for _, id := range sortedKeys(x.LostOn) {
		switch e, ok := byID[id]; {
		case !ok:
			out = append(out, fmt.Sprintf("lost_on %s: not among the conditions explained", id))
		case e.LostOn != x.LostOn[id].d:
			out = append(out, fmt.Sprintf("lost_on %s: %s, want %s (%s)", id, e.LostOn, x.LostOn[id].d, e.Reason))
		}
	}
	for _, id := range sortedKeys(x.NeedYuan) {
		switch e, ok := byID[id]; {
		case !ok || e.Need == nil:
			out = append(out, fmt.Sprintf("need %s: none, want %d", id, x.NeedYuan[id]))
		case e.Need.RequiredYuan != x.NeedYuan[id]:
			out = append(out, fmt.Sprintf("need %s: %d, want %d (%s)", id, e.Need.RequiredYuan, x.NeedYuan[id], e.Reason))
		}
	}
	return out
}

func outlookWhy(o *huiqi.Outlook) string {
	s := ""
	for _, c := range o.Conditions {
		s += fmt.Sprintf(" [%s %s %s]", c.ID, c.MetOn, c.Reason)
	}
	return s
}
