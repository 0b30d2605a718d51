package postgres_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/postgres"
)

// migrationQueries are searches of TestSearchFilters' kind, each finding
// something among the fixtures.
var migrationQueries = []huiqi.SearchQuery{
	{}, {Status: allStatuses}, {Text: "孵化器补助"}, {Text: "企业", Status: allStatuses},
	{Text: "成人社发(2019)5号", Status: allStatuses}, {Issuer: "成都市财政局"}, {DocType: "办法", Status: allStatuses},
	{Year: 2024}, {MeasureKind: "subsidy", Status: allStatuses}, {Beneficiary: "人才", Status: allStatuses},
	{Region: "510105", RegionMode: huiqi.RegionApplies, Status: allStatuses}, {Sort: huiqi.SortAmount},
	{Text: "补贴", Year: 2024, MeasureKind: "subsidy", Issuer: "成都市财政局"},
}

// TestSearchLayoutMigration fills the search tables as migration 0002 laid
// them out and applies the later migrations. Every search of
// migrationQueries then answers exactly as an index written afresh does
// (hits, scores, snippets, totals and facets) but for the beneficiary types,
// which no migration can compute: the rows are reported outdated, and once
// written again by Index every search answers as the fresh index does,
// beneficiary types included.
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
	mix := migrated.SearchIndex()
	checkOutdated(t, mix, len(fixtures))
	compareSearches(t, mix, fresh, migrationQueries, false)

	if err := mix.IndexBatch(ctx, ps); err != nil {
		t.Fatal(err)
	}
	checkOutdated(t, mix, 0)
	withTypes := append(slices.Clone(migrationQueries), huiqi.SearchQuery{BeneficiaryType: huiqi.BeneficiaryTalent, Status: allStatuses})
	compareSearches(t, mix, fresh, withTypes, true)
}

func checkOutdated(t *testing.T, ix *postgres.SearchIndex, want int) {
	t.Helper()
	if n, err := ix.Outdated(context.Background()); err != nil || n != want {
		t.Errorf("Outdated = %d, %v; want %d", n, err, want)
	}
}

// compareSearches runs each query on both indexes and reports where the
// answers differ; without types, the beneficiary type facet is left out.
func compareSearches(t *testing.T, got, want huiqi.SearchIndex, queries []huiqi.SearchQuery, types bool) {
	t.Helper()
	for _, q := range queries {
		q.Now = day
		w, err := want.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%+v: fresh: %v", q, err)
		}
		g, err := got.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%+v: migrated: %v", q, err)
		}
		if !types {
			w.Facets["beneficiary_type"], g.Facets["beneficiary_type"] = nil, nil
		} else if len(w.Facets["beneficiary_type"]) == 0 && w.Total > 0 {
			t.Errorf("%+v: no beneficiary type counted; the case tests nothing", q)
		}
		if g.Total != w.Total || !reflect.DeepEqual(g.Hits, w.Hits) || !reflect.DeepEqual(g.Facets, w.Facets) {
			t.Errorf("%+v:\nmigrated %d %v %v\nfresh    %d %v %v", q, g.Total, ids(g), g.Facets, w.Total, ids(w), w.Facets)
		}
		if w.Total == 0 && len(q.Status) == len(allStatuses) && q.Text == "" && q.Beneficiary == "" {
			t.Errorf("%+v: nothing found; the case tests nothing", q)
		}
	}
}
