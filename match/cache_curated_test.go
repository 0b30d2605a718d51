package match

import (
	"context"
	"fmt"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestCacheCurated: a rule published in the store (huiqi.CurationStore)
// replaces the proposal at the next recheck, without a new cache; a
// rule that no longer parses leaves the proposal standing.
func TestCacheCurated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, corpus, save := demoStore(t)
	for _, p := range corpus[:20] {
		save(p)
	}
	c := NewCache(db, nil)
	c.Recheck = 0
	m1, err := c.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var unknown *huiqi.MatchResult
	for _, r := range m1.Match(pinghu(), asOf, Options{}).Results {
		if r.Status == huiqi.MatchUnknown && !r.Curated {
			unknown = &r
			break
		}
	}
	if unknown == nil {
		t.Fatal("no measure of the corpus is unknown for the enterprise")
	}
	pr, ok := m1.Proposal(unknown.MeasureID)
	if !ok {
		t.Fatalf("no proposal %s", unknown.MeasureID)
	}
	rule := fmt.Sprintf(`id: %s
name: 核对后的措施
kind: measure
region: %q
source: {title: 核对}
versions:
  - version: "1"
    effective_from: 2000-01-01
    when:
      id: size
      check: employees >= 100人
`, pr.ID, pr.Region)
	publish := func(yaml string) {
		t.Helper()
		r := &huiqi.CuratedRule{MeasureID: pr.ID, PolicyID: pr.Cite.PolicyID, YAML: yaml, By: "u_officer"}
		if err := db.SaveRule(ctx, r, &huiqi.AuditEntry{Actor: "u_officer", Action: "rule.publish"}); err != nil {
			t.Fatal(err)
		}
	}
	publish(rule)
	m2, err := c.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := find(m2.Match(pinghu(), asOf, Options{}).Results, pr.ID)
	if m2 == m1 || got == nil || got.Status != huiqi.MatchEligible || !got.Curated {
		t.Fatalf("after publishing: new matcher %v, result %+v; want the curated rule eligible", m2 != m1, got)
	}
	if m3, _ := c.Get(ctx); m3 != m2 {
		t.Error("rebuilt although neither policies nor rules changed")
	}
	publish("id: [broken")
	m4, err := c.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := find(m4.Match(pinghu(), asOf, Options{}).Results, pr.ID); got == nil || got.Curated || got.Status != huiqi.MatchUnknown {
		t.Errorf("with a rule that does not parse: %+v; want the proposal, unknown", got)
	}
}
