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
	rep.Ask = askMost(rep.Results, rep.RegionPending)
	sortResults(rep.Results)
	rep.Total = total(rep.Results)
	return rep
}

// askMost ranks the missing fields and unstated facts by the number of
// unknown measures they would decide (the local measures pending the
// region count for region_code); among equals, first those that alone
// decide more measures (the only thing missing), then those with more
// money at stake. It keeps the first five: the next questions to ask.
func askMost(rs []huiqi.MatchResult, regionPending int) []huiqi.Field {
	var top topAsks
	var shared []askRank
	at := map[string]int{}
	if regionPending > 0 {
		at["region_code"] = 0
		shared = append(shared, askRank{f: huiqi.Field{Path: "region_code", Label: "注册地行政区划代码"}, count: regionPending, alone: regionPending})
	}
	for i := range rs {
		r := &rs[i]
		if r.Status != huiqi.MatchUnknown {
			continue
		}
		stake := int64(-1)
		if !r.NotFunding {
			stake = maxOf(r.Amount)
		}
		alone := 0
		if len(r.Ask) == 1 {
			alone = 1
		}
		for _, f := range r.Ask {
			if ownFact(f.Path, r.MeasureID) { // asked by this measure only: final
				top.offer(askRank{f: f, count: 1, alone: alone, stake: stake})
				continue
			}
			j, ok := at[f.Path]
			if !ok {
				j = len(shared)
				at[f.Path] = j
				shared = append(shared, askRank{f: f, stake: -1})
			}
			k := &shared[j]
			k.count += 1
			k.alone += alone
			k.stake = max(k.stake, stake)
		}
	}
	for _, k := range shared {
		top.offer(k)
	}
	return top.fields()
}

// ownFact: the path is a fact of the measure's own text
// (declarations.<measure id>_s…), which no other measure asks.
func ownFact(path, measure string) bool {
	const p = "declarations."
	return measure != "" && len(path) > len(p)+len(measure)+2 && path[:len(p)] == p &&
		path[len(p):len(p)+len(measure)] == measure && path[len(p)+len(measure):len(p)+len(measure)+2] == "_s"
}

// askRank is how decisive a question is.
type askRank struct {
	f            huiqi.Field
	count, alone int
	stake        int64
}

func (a *askRank) before(b *askRank) bool {
	switch {
	case a.count != b.count:
		return a.count > b.count
	case a.alone != b.alone:
		return a.alone > b.alone
	case a.stake != b.stake:
		return a.stake > b.stake
	}
	return a.f.Path < b.f.Path
}

// topAsks keeps the five first questions, in order, without sorting all
// (a match may leave thousands of facts unstated).
type topAsks struct {
	a [5]askRank
	n int
}

func (t *topAsks) offer(k askRank) {
	if t.n == len(t.a) && !k.before(&t.a[t.n-1]) {
		return
	}
	j := min(t.n, len(t.a)-1)
	for j > 0 && k.before(&t.a[j-1]) {
		t.a[j] = t.a[j-1]
		j--
	}
	t.a[j] = k
	t.n = min(t.n+1, len(t.a))
}

func (t *topAsks) fields() []huiqi.Field {
	out := make([]huiqi.Field, t.n)
	for i := range out {
		out[i] = t.a[i].f
	}
	return out
}
