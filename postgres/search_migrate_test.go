package postgres_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/postgres"
)

// TestSearchLayoutMigration fills the search tables as migration 0002 laid
// them out, applies the later migrations, and checks that every search of
// TestSearchFilters' kind answers exactly as an index written afresh does:
// hits, scores, snippets, totals and facets.
func TestSearchLayoutMigration(t *testing.T) {
	ctx := context.Background()
	dsn := newDatabase(t)
	old, err := postgres.OpenNoMigrate(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.MigrateTo(ctx, 2); err != nil {
		t.Fatalf("migrate to 2: %v", err)
	}
	var ps []*huiqi.Policy
	for _, f := range fixtures {
		ps = append(ps, f.policy())
	}
	if err := old.IndexV2(ctx, ps...); err != nil {
		t.Fatalf("index in the 0002 layout: %v", err)
	}
	old.Close()
	migrated := mustOpen(t, dsn)
	defer migrated.Close()
	fresh := openSearch(t)
	indexFixtures(t, fresh)

	queries := []huiqi.SearchQuery{
		{}, {Status: allStatuses}, {Text: "孵化器补助"}, {Text: "企业", Status: allStatuses},
		{Text: "成人社发(2019)5号", Status: allStatuses}, {Issuer: "成都市财政局"}, {DocType: "办法", Status: allStatuses},
		{Year: 2024}, {MeasureKind: "subsidy", Status: allStatuses}, {Beneficiary: "人才", Status: allStatuses},
		{Region: "510105", RegionMode: huiqi.RegionApplies, Status: allStatuses}, {Sort: huiqi.SortAmount},
		{Text: "补贴", Year: 2024, MeasureKind: "subsidy", Issuer: "成都市财政局"},
	}
	for _, q := range queries {
		q.Now = day
		want, err := fresh.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: fresh: %v", q, err)
		}
		got, err := migrated.SearchIndex().Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: migrated: %v", q, err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Hits, want.Hits) || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%+v:\nmigrated %d %v %v\nfresh    %d %v %v", q, got.Total, ids(got), got.Facets, want.Total, ids(want), want.Facets)
		}
		if want.Total == 0 && len(q.Status) == len(allStatuses) && q.Text == "" && q.Beneficiary == "" {
			t.Errorf("%+v: nothing found; the case tests nothing", q)
		}
	}
}
