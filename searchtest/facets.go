package searchtest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// testBeneficiaryTypes checks the beneficiary type facet over every status
// against the types huiqi.BeneficiaryTypeOf gives each indexed policy's
// measures: every type once per policy, each value with its label, and the
// filter on a type finding as many policies as the facet counts.
func testBeneficiaryTypes(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy) {
	all := []huiqi.PolicyStatus{huiqi.StatusInForce, huiqi.StatusExpired, huiqi.StatusDraft, huiqi.StatusSuperseded}
	want := map[string]int{}
	for _, p := range indexedOnce(corpus) {
		seen := map[string]bool{}
		for _, m := range p.Measures {
			if typ := huiqi.BeneficiaryTypeOf(m.Beneficiary); typ != "" && !seen[typ] {
				seen[typ] = true
				want[typ]++
			}
		}
	}
	if len(want) < 7 {
		t.Fatalf("the corpus has beneficiaries of %d types, want all 7: the test tests less", len(want))
	}
	got := map[string]int{}
	for _, fc := range search(t, ix, huiqi.SearchQuery{Status: all}).Facets["beneficiary_type"] {
		got[fc.Value] = fc.Count
		if fc.Label != huiqi.BeneficiaryLabels[fc.Value] {
			t.Errorf("beneficiary type %s labelled %q, want %q", fc.Value, fc.Label, huiqi.BeneficiaryLabels[fc.Value])
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("beneficiary type facet %v, want %v", got, want)
	}
	for typ, n := range want {
		if res := search(t, ix, huiqi.SearchQuery{Status: all, BeneficiaryType: typ}); res.Total != n {
			t.Errorf("beneficiary_type %s finds %d policies, the facet counts %d", typ, res.Total, n)
		}
	}
}

// indexedOnce is the corpus as an index holds it: the last policy indexed
// under each ID.
func indexedOnce(corpus []*huiqi.Policy) []*huiqi.Policy {
	var out []*huiqi.Policy
	for i, p := range corpus {
		if !slices.ContainsFunc(corpus[i+1:], func(q *huiqi.Policy) bool { return q.ID == p.ID }) {
			out = append(out, p)
		}
	}
	return out
}
