package fulltext

import (
	"github.com/blevesearch/bleve/v2"

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
	{"year", fYear, 30}, {"measure_kind", fKind, 20}, {"beneficiary_type", fBenType, 10},
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
	case "beneficiary_type":
		return huiqi.BeneficiaryLabels[value]
	}
	return ""
}
