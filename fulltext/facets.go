package fulltext

import (
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// facetFields are the facets of SearchResult.Facets, with the prefix their
// values carry in the table and how many values each returns.
var facetFields = []struct {
	name, prefix string
	size         int
}{
	{"region", "r:", 50}, {"issuer", "i:", 30}, {"doc_type", "t:", 20},
	{"year", "y:", 30}, {"measure_kind", "k:", 20}, {"beneficiary_type", "b:", 10},
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

// facetsOf turns the table's counts by value number into the facets, each
// facet's values most frequent first (ties by value), cut to its size.
func (t *table) facetsOf(counts []int32) map[string][]huiqi.FacetCount {
	out := map[string][]huiqi.FacetCount{}
	for _, f := range facetFields {
		out[f.name] = []huiqi.FacetCount{}
	}
	t.mu.RLock()
	for v, c := range counts {
		if c == 0 {
			continue
		}
		name := t.names[v]
		for _, f := range facetFields {
			if val, ok := strings.CutPrefix(name, f.prefix); ok {
				out[f.name] = append(out[f.name], huiqi.FacetCount{Value: val, Label: label(f.name, val), Count: int(c)})
				break
			}
		}
	}
	t.mu.RUnlock()
	for _, f := range facetFields {
		counts := out[f.name]
		slices.SortFunc(counts, func(a, b huiqi.FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out[f.name] = counts[:min(f.size, len(counts))]
	}
	return out
}

// facetValues are a document's values of the facet field.
func facetValues(d map[string]any) []string {
	var out []string
	add := func(prefix string, v any) {
		switch v := v.(type) {
		case string:
			if v != "" {
				out = append(out, prefix+v)
			}
		case []string:
			for _, x := range v {
				out = append(out, prefix+x)
			}
		}
	}
	add("r:", d[fRegion])
	add("i:", d[fIssuer])
	add("t:", d[fDocType])
	add("y:", d[fYear])
	add("k:", d[fKind])
	add("b:", d[fBenType])
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
