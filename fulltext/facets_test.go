package fulltext

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// Measures' beneficiaries are counted by type and filtered by type.
func TestBeneficiaryTypeFacetAndFilter(t *testing.T) {
	t.Parallel()
	ix := mustOpen(t, filepath.Join(t.TempDir(), "index"))
	defer ix.Close()
	ctx := context.Background()
	a := policy("a", "", "孵化器扶持办法")
	a.Measures = []huiqi.Measure{{Kind: huiqi.KindSubsidy, Beneficiary: "新认定的国家级孵化器运营机构"}, {Kind: huiqi.KindReward, Beneficiary: "在孵企业"}}
	b := policy("b", "", "企业研发奖励办法")
	b.Measures = []huiqi.Measure{{Kind: huiqi.KindReward, Beneficiary: "研发投入增长的企业"}}
	if err := ix.IndexBatch(ctx, []*huiqi.Policy{a, b}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, huiqi.SearchQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range res.Facets["beneficiary_type"] {
		got[f.Value] = f.Count
		if f.Label != huiqi.BeneficiaryLabels[f.Value] {
			t.Errorf("label of %s = %q", f.Value, f.Label)
		}
	}
	if got["carrier"] != 1 || got["enterprise"] != 2 || len(got) != 2 {
		t.Errorf("beneficiary_type facet = %v, want carrier 1, enterprise 2", got)
	}
	res, err = ix.Search(ctx, huiqi.SearchQuery{BeneficiaryType: huiqi.BeneficiaryCarrier})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a" {
		t.Errorf("beneficiary_type=carrier: %+v %v, want only a", res, err)
	}
	if _, err := ix.Search(ctx, huiqi.SearchQuery{BeneficiaryType: "robots"}); huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Errorf("unknown beneficiary type: %v, want EINVALID", err)
	}
}

// With caching off nothing is kept; on, a search keeps its result and its
// facets, and the next page of it finds the facets kept.
func TestSetCaching(t *testing.T) {
	t.Parallel()
	ix := mustOpen(t, filepath.Join(t.TempDir(), "index"))
	defer ix.Close()
	ctx := context.Background()
	if err := ix.IndexBatch(ctx, []*huiqi.Policy{policy("a", "", "孵化器扶持办法"), policy("b", "", "孵化器管理办法")}); err != nil {
		t.Fatal(err)
	}
	kept := func() (int, int) {
		ix.cache.mu.Lock()
		defer ix.cache.mu.Unlock()
		return len(ix.cache.m), len(ix.cache.facetsOf)
	}
	ix.SetCaching(false)
	if _, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Limit: 1}); err != nil {
		t.Fatal(err)
	}
	if r, f := kept(); r != 0 || f != 0 {
		t.Errorf("caching off kept %d results and %d facets", r, f)
	}
	ix.SetCaching(true)
	first, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	second, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r, f := kept(); r != 2 || f != 1 {
		t.Errorf("caching on kept %d results and %d facets, want 2 and 1", r, f)
	}
	if len(second.Facets["status"]) == 0 || second.Facets["status"][0].Count != first.Facets["status"][0].Count || second.Hits[0].ID == first.Hits[0].ID {
		t.Errorf("second page: facets %v hits %v; first page facets %v hits %v", second.Facets["status"], second.Hits, first.Facets["status"], first.Hits)
	}
}
