package fulltext

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// facetFields maps facet names of SearchResult.Facets to index fields, with
// how many values each returns.
var facetFields = []struct {
	name, field string
	size        int
}{
	{"region", fRegion, 50}, {"issuer", fIssuer, 30}, {"doc_type", fDocType, 20},
	{"year", fYear, 30}, {"measure_kind", fKind, 20},
}

// kindLabels and statusLabels are the Chinese names shown beside facet values.
var kindLabels = map[string]string{
	"subsidy": "补助", "reward": "奖励", "grant": "资助", "interest_subsidy": "贴息",
	"voucher": "创新券", "fund": "基金", "loan": "贷款担保", "tax": "税收", "in_kind": "场地实物", "other": "其他",
}

var statusLabels = map[huiqi.PolicyStatus]string{
	huiqi.StatusInForce: "现行有效", huiqi.StatusExpired: "已失效",
	huiqi.StatusDraft: "征求意见稿", huiqi.StatusSuperseded: "已废止",
}

func addFacets(req *bleve.SearchRequest) {
	for _, f := range facetFields {
		req.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
	}
}

func facetsOf(res *bleve.SearchResult) map[string][]huiqi.FacetCount {
	out := map[string][]huiqi.FacetCount{}
	for _, f := range facetFields {
		counts := []huiqi.FacetCount{}
		if fr := res.Facets[f.name]; fr != nil {
			for _, t := range fr.Terms.Terms() {
				counts = append(counts, huiqi.FacetCount{Value: t.Term, Label: label(f.name, t.Term), Count: t.Count})
			}
		}
		out[f.name] = counts
	}
	return out
}

func label(facet, value string) string {
	switch facet {
	case "region":
		if r, ok := region.Lookup(value); ok {
			return r.Name
		}
	case "measure_kind":
		return kindLabels[value]
	}
	return ""
}

// statusFacet counts the matches of each status, whatever the status
// filter: drafts by their state, final policies by their expiry split at
// today, less the superseded ones (counted by a second search when any).
func (ix *Index) statusFacet(ctx context.Context, p *plan, sup []string) ([]huiqi.FacetCount, error) {
	draft, expired, inForce, err := ix.stateCounts(ctx, p.base(), p.today)
	if err != nil {
		return nil, err
	}
	supCount := 0
	if len(sup) > 0 {
		_, se, si, err := ix.stateCounts(ctx, p.base(term(fState, stateFinal), bleve.NewDocIDQuery(sup)), p.today)
		if err != nil {
			return nil, err
		}
		expired, inForce, supCount = expired-se, inForce-si, se+si
	}
	var out []huiqi.FacetCount
	for _, c := range []struct {
		s huiqi.PolicyStatus
		n int
	}{{huiqi.StatusInForce, inForce}, {huiqi.StatusDraft, draft}, {huiqi.StatusExpired, expired}, {huiqi.StatusSuperseded, supCount}} {
		if c.n > 0 {
			out = append(out, huiqi.FacetCount{Value: string(c.s), Label: statusLabels[c.s], Count: c.n})
		}
	}
	return out, nil
}

// stateCounts counts the matches of q that are drafts, and the final ones
// expired before today or not, in one search with no hits.
func (ix *Index) stateCounts(ctx context.Context, q query.Query, today int) (draft, expired, inForce int, err error) {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet("state", bleve.NewFacetRequest(fState, 2))
	exp := bleve.NewFacetRequest(fExpires, 2)
	exp.AddNumericRange("expired", nil, f64(today))
	exp.AddNumericRange("in_force", f64(today), nil)
	req.AddFacet("expires", exp)
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("fulltext: status facet: %w", err)
	}
	for _, t := range res.Facets["state"].Terms.Terms() {
		if t.Term == stateDraft {
			draft = t.Count
		}
	}
	for _, r := range res.Facets["expires"].NumericRanges {
		switch r.Name {
		case "expired":
			expired = r.Count
		case "in_force":
			inForce = r.Count
		}
	}
	return draft, expired, inForce, nil
}
