package match

import (
	"sort"

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
	rep.Ask = askMost(rep.Results, rep.RegionPending)
	sortResults(rep.Results)
	rep.Total = total(rep.Results)
	return rep
}

// askMost ranks the missing fields by the number of unknown measures they
// would decide (the local measures pending the region count for
// region_code), and keeps the first five.
func askMost(rs []huiqi.MatchResult, regionPending int) []huiqi.Field {
	count := map[string]int{}
	label := map[string]string{}
	if regionPending > 0 {
		count["region_code"], label["region_code"] = regionPending, "注册地行政区划代码"
	}
	for _, r := range rs {
		if r.Status != huiqi.MatchUnknown {
			continue
		}
		for _, f := range r.Ask {
			count[f.Path]++
			label[f.Path] = f.Label
		}
	}
	paths := make([]string, 0, len(count))
	for p := range count {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		if count[paths[i]] != count[paths[j]] {
			return count[paths[i]] > count[paths[j]]
		}
		return paths[i] < paths[j]
	})
	out := make([]huiqi.Field, 0, min(len(paths), 5))
	for _, p := range paths[:min(len(paths), 5)] {
		out = append(out, huiqi.Field{Path: p, Label: label[p]})
	}
	return out
}
