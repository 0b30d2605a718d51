package fulltext

import (
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/huiqi-dev/huiqi"
)

var statuses = []huiqi.PolicyStatus{
	huiqi.StatusInForce, huiqi.StatusExpired, huiqi.StatusDraft, huiqi.StatusSuperseded,
}

// statusSets are the policies a day's statuses cannot be read from the
// tier and state terms alone: the superseded final ones (a draft stays a
// draft), and the lifecycle's exceptions of the day.
type statusSets struct {
	supFinal []string
	exceptions
}

func (ix *Index) statusSets(today int) statusSets {
	var supFinal []string
	for _, id := range ix.sup.superseded() {
		if r, ok := ix.life.get(id); !ok || !r.draft {
			supFinal = append(supFinal, id)
		}
	}
	return statusSets{supFinal: supFinal, exceptions: ix.life.exceptionsOn(today)}
}

// statusOfRec is a policy's status from what the index keeps of it.
func statusOfRec(r lifeRec, superseded bool, today int) huiqi.PolicyStatus {
	switch {
	case r.draft:
		return huiqi.StatusDraft
	case superseded:
		return huiqi.StatusSuperseded
	case r.expiredOn(today):
		return huiqi.StatusExpired
	}
	return huiqi.StatusInForce
}

// statusFilter keeps the policies whose status is one of want (default in
// force and draft); nil when every status is wanted. Draft wins over
// superseded, superseded over expired. It is built of terms and ID lists
// only, so that bleve can intersect postings for it.
func (ix *Index) statusFilter(want []huiqi.PolicyStatus, today int) (query.Query, error) {
	set := map[huiqi.PolicyStatus]bool{}
	for _, s := range want {
		if !slices.Contains(statuses, s) {
			return nil, huiqi.Errorf(huiqi.EINVALID, "unknown status %q", s)
		}
		set[s] = true
	}
	if len(set) == 0 {
		set[huiqi.StatusInForce], set[huiqi.StatusDraft] = true, true
	}
	if len(set) == len(statuses) {
		return nil, nil
	}
	ss := ix.statusSets(today)
	if len(set) == 2 && set[huiqi.StatusInForce] && set[huiqi.StatusDraft] {
		return except(orIDs(term(fTier, tierCurrent), ss.fresh), union(ss.stale, ss.supFinal)), nil
	}
	var alts []query.Query
	for _, s := range statuses {
		if set[s] {
			alts = append(alts, ss.query(s))
		}
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return bleve.NewDisjunctionQuery(alts...), nil
}

// query selects the policies of one status.
func (ss statusSets) query(s huiqi.PolicyStatus) query.Query {
	switch s {
	case huiqi.StatusDraft:
		return term(fState, stateDraft)
	case huiqi.StatusInForce:
		current := bleve.NewConjunctionQuery(term(fTier, tierCurrent), term(fState, stateFinal))
		return except(orIDs(current, ss.fresh), union(ss.stale, ss.supFinal))
	case huiqi.StatusExpired:
		return except(orIDs(term(fTier, tierArchive), ss.stale), union(ss.fresh, ss.supFinal))
	}
	if len(ss.supFinal) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDocIDQuery(ss.supFinal)
}

// orIDs is q or any of ids.
func orIDs(q query.Query, ids []string) query.Query {
	if len(ids) == 0 {
		return q
	}
	return bleve.NewDisjunctionQuery(q, bleve.NewDocIDQuery(ids))
}

// except is q but ids.
func except(q query.Query, ids []string) query.Query {
	if len(ids) == 0 {
		return q
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddMustNot(bleve.NewDocIDQuery(ids))
	return b
}

func union(a, b []string) []string {
	out := append(append([]string{}, a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// statusFacet counts the matches of each status, whatever the status
// filter, so that the portal can say how many expired or superseded
// policies one click would show. Three counts by tier and state, which
// bleve answers by intersecting postings without scoring, then the
// exceptions that match moved to their real status.
func (ix *Index) statusFacet(ctx context.Context, match query.Query, today int) ([]huiqi.FacetCount, error) {
	counts := map[huiqi.PolicyStatus]int{}
	for s, q := range map[huiqi.PolicyStatus]query.Query{
		huiqi.StatusDraft:   term(fState, stateDraft),
		huiqi.StatusInForce: bleve.NewConjunctionQuery(term(fTier, tierCurrent), term(fState, stateFinal)),
		huiqi.StatusExpired: term(fTier, tierArchive),
	} {
		n, _, err := ix.count(ctx, and(match, q), 0)
		if err != nil {
			return nil, err
		}
		counts[s] = n
	}
	ss := ix.statusSets(today)
	if special := union(union(ss.stale, ss.fresh), ss.supFinal); len(special) > 0 {
		_, ids, err := ix.count(ctx, and(match, bleve.NewDocIDQuery(special)), len(special))
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			r, ok := ix.life.get(id)
			if !ok {
				continue
			}
			counts[bucketOf(r)]--
			_, sup := slices.BinarySearch(ss.supFinal, id)
			counts[statusOfRec(r, sup, today)]++
		}
	}
	var out []huiqi.FacetCount
	for _, s := range []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusDraft, huiqi.StatusExpired, huiqi.StatusSuperseded} {
		if counts[s] > 0 {
			out = append(out, huiqi.FacetCount{Value: string(s), Label: statusLabels[s], Count: counts[s]})
		}
	}
	return out, nil
}

// bucketOf is the status the tier and state terms count a policy under.
func bucketOf(r lifeRec) huiqi.PolicyStatus {
	switch {
	case r.draft:
		return huiqi.StatusDraft
	case r.current:
		return huiqi.StatusInForce
	}
	return huiqi.StatusExpired
}

// count counts the matches of q without scoring them, and returns the IDs
// of up to ids of them.
func (ix *Index) count(ctx context.Context, q query.Query, ids int) (int, []string, error) {
	req := bleve.NewSearchRequestOptions(q, ids, 0, false)
	req.Score = bleve.ScoreNone
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, nil, fmt.Errorf("fulltext: status facet: %w", err)
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return int(res.Total), out, nil
}

// and is the conjunction of the queries that are not nil.
func and(qs ...query.Query) query.Query {
	var must []query.Query
	for _, q := range qs {
		if q != nil {
			must = append(must, q)
		}
	}
	switch len(must) {
	case 0:
		return bleve.NewMatchAllQuery()
	case 1:
		return must[0]
	}
	return bleve.NewConjunctionQuery(must...)
}

// neutral makes a filter add nothing to the score: every leaf gets boost 0.
// A filter inside the conjunction lets bleve skip the text's postings that
// the filter rules out; neutral keeps the order of hits that of the words.
func neutral(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			neutral(c)
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			neutral(c)
		}
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot} {
			if c != nil {
				neutral(c)
			}
		}
	case query.BoostableQuery:
		q.SetBoost(0)
	}
	return q
}
