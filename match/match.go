package match

import (
	"github.com/huiqi-dev/huiqi"
)

// Options tune a match.
type Options struct {
	// All lists the not eligible measures too (they are only counted by
	// default); those the index skips are then evaluated.
	All bool
}

// Match answers every measure in force on asOf that applies in e's region
// (its own, its ancestors', and nationwide ones): the eligible, likely and
// unknown ones with their reasons, amounts and cited clauses, and the
// total under the stacking rules. When the profile gives no region, the
// local measures are only counted (RegionPending), unless opt.All.
func (m *Matcher) Match(e *huiqi.Enterprise, asOf huiqi.Date, opt Options) huiqi.MatchReport {
	rep := huiqi.MatchReport{AsOf: asOf, Counts: map[huiqi.MatchStatus]int{}, Skipped: m.skipped,
		Results: make([]huiqi.MatchResult, 0, m.candidates(e.RegionCode, opt.All))}
	m.visit(e, asOf, opt.All, true, func(it *item, evaluated bool) {
		rep.InForce++
		if !evaluated {
			rep.Counts[huiqi.MatchNotEligible]++
			return
		}
		r := it.explained(e, asOf)
		rep.Counts[r.Status]++
		if r.Status != huiqi.MatchNotEligible || opt.All {
			rep.Results = append(rep.Results, r)
		}
	})
	if e.RegionCode == "" && !opt.All {
		rep.RegionPending = m.localInForce(asOf)
		rep.InForce += rep.RegionPending
		rep.Counts[huiqi.MatchUnknown] += rep.RegionPending
	}
	sortResults(rep.Results)
	rep.Total = total(rep.Results)
	return rep
}
