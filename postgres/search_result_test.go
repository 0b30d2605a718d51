package postgres_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestSearchFacets counts the matches by every facet; the status facet
// counts the statuses the default filter hides too.
func TestSearchFacets(t *testing.T) {
	ix := openSearch(t)
	indexFixtures(t, ix)
	res, err := ix.Search(context.Background(), huiqi.SearchQuery{Now: day, Region: "510000"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"region":           "510100 成都市 1, 510105 青羊区 1",
		"issuer":           "成都市人力资源和社会保障局 1, 成都市财政局 1, 青羊区科学技术局 1",
		"doc_type":         "办法 1, 措施 1",
		"year":             "2023 1, 2024 1",
		"measure_kind":     "subsidy 补助 2",
		"beneficiary_type": "carrier 孵化载体与园区 1, talent 人才与团队 1",
		"status":           "in_force 现行有效 2, expired 已失效 1, superseded 已废止 1",
	}
	for facet, w := range want {
		if got := facetString(res.Facets[facet]); got != w {
			t.Errorf("facet %s:\n got %s\nwant %s", facet, got, w)
		}
	}
	if res.Total != 2 {
		t.Errorf("total %d, want 2", res.Total)
	}
}

func facetString(fcs []huiqi.FacetCount) string {
	var parts []string
	for _, f := range fcs {
		s := f.Value
		if f.Label != "" {
			s += " " + f.Label
		}
		parts = append(parts, s+" "+itoa(f.Count))
	}
	return strings.Join(parts, ", ")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestSearchHit checks a hit's fields and its snippet: the matching clause,
// its path, and marks on exactly the query's words.
func TestSearchHit(t *testing.T) {
	ix := openSearch(t)
	indexFixtures(t, ix)
	res, err := ix.Search(context.Background(), huiqi.SearchQuery{Now: day, Text: "孵化器 補助"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v, want [qy]", ids(res))
	}
	h := res.Hits[0]
	if h.Region == nil || h.Region.Code != "510105" || h.Status != huiqi.StatusInForce || h.MaxAmount != 500000 ||
		h.IssuedOn != date(2023, 5, 10) || !slices.Equal(h.Issuers, []string{"青羊区科学技术局"}) || h.Score <= 0 {
		t.Errorf("hit %+v", h)
	}
	if len(h.Snippets) == 0 {
		t.Fatal("no snippet")
	}
	s := h.Snippets[0]
	var marked []string
	for _, m := range s.Marks {
		marked = append(marked, s.Text[m.Start:m.End])
	}
	if s.ClausePath != "一" || !slices.Equal(marked, []string{"孵化器", "补助"}) {
		t.Errorf("snippet %q at %q marks %q, want clause 一 marking 孵化器, 补助", s.Text, s.ClausePath, marked)
	}
}

// TestSearchTitleWeight checks that a word in the title or naming whom a
// measure is for outranks the same word in the text only (gw).
func TestSearchTitleWeight(t *testing.T) {
	ix := openSearch(t)
	indexFixtures(t, ix)
	res, err := ix.Search(context.Background(), huiqi.SearchQuery{Now: day, Text: "企业", Status: allStatuses})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(res)
	if len(got) != 4 || got[3] != "gw" {
		t.Errorf("hits %v: want qy, sc (企业 in the title) and ta (for 企业) before gw", got)
	}
}

// TestSearchSupersede checks that the superseded status follows the repealing
// policy: indexed after or before the repealed one, and deleted.
func TestSearchSupersede(t *testing.T) {
	ctx := context.Background()
	ix := openSearch(t)
	byID := map[string]fixture{}
	for _, f := range fixtures {
		byID[f.id] = f
	}
	status := func(id string) huiqi.PolicyStatus {
		t.Helper()
		res, err := ix.Search(ctx, huiqi.SearchQuery{Now: day, Text: byID[id].title, Status: allStatuses})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.ID == id {
				return h.Status
			}
		}
		return ""
	}
	steps := []struct {
		name string
		do   func() error
		want huiqi.PolicyStatus
	}{
		{"repealing policy first", func() error { return ix.Index(ctx, byID["cd1"].policy()) }, ""},
		{"repealed policy indexed after", func() error { return ix.Index(ctx, byID["cd0"].policy()) }, huiqi.StatusSuperseded},
		{"repealing policy re-indexed without its repeal", func() error {
			p := byID["cd1"].policy()
			p.Repeals = nil
			return ix.Index(ctx, p)
		}, huiqi.StatusInForce},
		{"repeal restored", func() error { return ix.Index(ctx, byID["cd1"].policy()) }, huiqi.StatusSuperseded},
		{"repealing policy deleted", func() error { return ix.Delete(ctx, "cd1") }, huiqi.StatusInForce},
		{"unknown ID deleted", func() error { return ix.Delete(ctx, "nope") }, huiqi.StatusInForce},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := status("cd0"); got != s.want {
			t.Errorf("%s: cd0 is %q, want %q", s.name, got, s.want)
		}
	}
	if n, err := ix.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; want 1", n, err)
	}
}

// TestSearchConcurrentSupersede indexes a policy and the one repealing it at
// the same time, many times over: the write lock must leave the older one
// superseded whichever commits first.
func TestSearchConcurrentSupersede(t *testing.T) {
	ctx := context.Background()
	ix := openSearch(t)
	var repealed, repealing *huiqi.Policy
	for _, f := range fixtures {
		switch f.id {
		case "cd0":
			repealed = f.policy()
		case "cd1":
			repealing = f.policy()
		}
	}
	q := huiqi.SearchQuery{Now: day, Status: []huiqi.PolicyStatus{huiqi.StatusSuperseded}}
	for i := range 20 {
		var wg sync.WaitGroup
		for _, p := range []*huiqi.Policy{repealed, repealing} {
			wg.Go(func() {
				if err := ix.Index(ctx, p); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, []string{"cd0"}) {
			t.Fatalf("round %d: superseded %v, want [cd0]", i, got)
		}
		for _, id := range []string{"cd0", "cd1"} {
			if err := ix.Delete(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestSearchIndexBatch indexes the fixtures in one batch: the same matches
// as one by one, superseded included; a batch with a bad policy writes nothing.
func TestSearchIndexBatch(t *testing.T) {
	ctx := context.Background()
	ix := openSearch(t)
	bad := []*huiqi.Policy{fixtures[0].policy(), {Title: "无ID"}}
	if err := ix.IndexBatch(ctx, bad); huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Fatalf("IndexBatch with a policy without ID: %v, want EINVALID", err)
	}
	if n, err := ix.Count(ctx); err != nil || n != 0 {
		t.Fatalf("Count after a refused batch = %d, %v; want 0", n, err)
	}
	var ps []*huiqi.Policy
	for _, f := range fixtures {
		ps = append(ps, f.policy())
	}
	if err := ix.IndexBatch(ctx, ps); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, huiqi.SearchQuery{Now: day, Status: allStatuses})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ta", "cd1", "qy", "sc", "cd0", "gw"}
	if got := ids(res); !slices.Equal(got, want) {
		t.Errorf("hits %v, want %v", got, want)
	}
	if h := res.Hits[4]; h.ID != "cd0" || h.Status != huiqi.StatusSuperseded {
		t.Errorf("cd0 is %s, want superseded", h.Status)
	}
}

// TestSearchPrune stores two policies, indexes them and a third never
// stored, deletes one from the store: Prune leaves exactly the stored one.
func TestSearchPrune(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, newDatabase(t))
	defer db.Close()
	ix := db.SearchIndex()
	var stored []string
	for _, f := range fixtures[:2] {
		p := f.policy()
		p.ID, p.Version = "", 0
		if _, err := db.SavePolicy(ctx, p, []byte(p.Text)); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, p.ID)
		if err := ix.Index(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Index(ctx, fixtures[2].policy()); err != nil {
		t.Fatal(err)
	}
	if err := db.DeletePolicy(ctx, stored[0]); err != nil {
		t.Fatal(err)
	}
	n, err := ix.Prune(ctx)
	if err != nil || n != 2 {
		t.Fatalf("Prune = %d, %v; want 2 removed", n, err)
	}
	res, err := ix.Search(ctx, huiqi.SearchQuery{Now: day, Status: allStatuses})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !slices.Equal(got, stored[1:]) {
		t.Errorf("after Prune %v, want %v", got, stored[1:])
	}
}
