package match

import (
	"context"
	"fmt"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// demoStore is a real SQLite store in a temporary directory, the demo
// corpus, and a function that saves one of its policies.
func demoStore(t *testing.T) (*sqlite.DB, []*huiqi.Policy, func(*huiqi.Policy)) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	save := func(p *huiqi.Policy) {
		c := *p
		c.Source.SHA256, c.Source.Size = huiqi.TextHash(c.Text), int64(len(c.Text))
		if _, err := db.SavePolicy(ctx, &c, []byte(c.Text)); err != nil {
			t.Fatal(err)
		}
	}
	return db, corpus, save
}

// TestLoadFromStore builds the matcher from a real SQLite store filled
// with the demo corpus: the same measures as from the policies in memory.
func TestLoadFromStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, corpus, save := demoStore(t)
	for _, p := range corpus[:20] {
		save(p)
	}
	m, err := Load(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := New(corpus[:20], nil).Stats()
	if got := m.Stats(); got != want || got.Measures == 0 {
		t.Errorf("loaded %+v, want %+v", got, want)
	}
}

// TestCuratedReplacesProposal: a rule file whose id names the policy and
// clause takes the place of the proposals of that clause.
func TestCuratedReplacesProposal(t *testing.T) {
	t.Parallel()
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var clause string
	for _, it := range demoCorpus(t).items {
		if it.prop.Title == "关于全面推进科技创新推动高质量发展的若干政策意见" && it.prop.Cite.ClausePath == "一/(二)" {
			clause = it.prop.Clause
			break
		}
	}
	set, err := rules.Parse("curated.yaml", []byte(fmt.Sprintf(`id: %s
name: 新认定国家级科技企业孵化器奖励
kind: measure
region: "330482"
source: {title: 关于全面推进科技创新推动高质量发展的若干政策意见, clause: 一/(二)}
versions:
  - version: "2021"
    effective_from: 2021-01-23
    when:
      check: certified_since("孵化器", "national") >= 2025-01-01
    amount:
      fixed: 300万元
`, clause)))
	if err != nil {
		t.Fatal(err)
	}
	m := New(corpus, []*rules.Set{set})
	if s := m.Stats(); s.Curated != 1 || s.Measures >= demoCorpus(t).Stats().Measures {
		t.Fatalf("stats %+v: one curated rule replacing a clause's proposals", s)
	}
	rep := m.Match(pinghu(), asOf, Options{})
	var hit *huiqi.MatchResult
	for i, r := range rep.Results {
		if r.Curated {
			hit = &rep.Results[i]
		}
	}
	if hit == nil || hit.Status != huiqi.MatchEligible || hit.Amount == nil || hit.Amount.Max != 3_000_000 || hit.Cited.ClausePath != "一/(二)" {
		t.Errorf("curated result %+v", hit)
	}
}
