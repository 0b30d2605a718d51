// Package searchtest is the suite every huiqi.SearchIndex passes: the demo
// corpus, extracted for real, is indexed and searched with the cases of
// testdata/searches.json, then the index is checked to stay in step with
// new versions, deletes and repeals.
package searchtest

import (
	"context"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// Run indexes the demo corpus into indexes made by open and runs the suite.
// open must return an empty index; it is called once per subtest, and the
// subtests run in parallel.
func Run(t *testing.T, open func(t *testing.T) huiqi.SearchIndex) {
	corpus, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(corpus) < 80 {
		t.Fatalf("demo corpus has %d policies", len(corpus))
	}
	t.Run("read_only", func(t *testing.T) {
		t.Parallel()
		ix := indexed(t, open, corpus)
		t.Run("cases", func(t *testing.T) { runCases(t, ix) })
		t.Run("traditional_equals_simplified", func(t *testing.T) { testTraditional(t, ix, corpus) })
		t.Run("paging", func(t *testing.T) { testPaging(t, ix, corpus) })
		t.Run("snippets", func(t *testing.T) { testSnippets(t, ix, corpus) })
		t.Run("beneficiary_types", func(t *testing.T) { testBeneficiaryTypes(t, ix, corpus) })
	})
	// Tests that change the index get their own, with part of the corpus.
	part := slices.DeleteFunc(slices.Clone(corpus[:40]), func(p *huiqi.Policy) bool { return p.DocNumber == probeNumber })
	part = append(part, corpus[slices.IndexFunc(corpus, func(p *huiqi.Policy) bool { return p.DocNumber == probeNumber })])
	for _, tt := range []struct {
		name string
		fn   func(t *testing.T, ix huiqi.SearchIndex, corpus []*huiqi.Policy)
	}{
		{"kept_in_step", testKeptInStep},
		{"delete", testDelete},
		{"new_version_replaces", testNewVersion},
		{"superseded", testSuperseded},
		{"region_applies_national", testNational},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, indexed(t, open, part), part)
		})
	}
}

// indexed opens an index and adds the corpus, one Index call per policy as
// ingest does.
func indexed(t *testing.T, open func(t *testing.T) huiqi.SearchIndex, corpus []*huiqi.Policy) huiqi.SearchIndex {
	t.Helper()
	ix := open(t)
	ctx := context.Background()
	for _, p := range corpus {
		if err := ix.Index(ctx, p); err != nil {
			t.Fatalf("index %s: %v", p.Source.FileName, err)
		}
	}
	return ix
}

func runCases(t *testing.T, ix huiqi.SearchIndex) {
	cases, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 25 {
		t.Fatalf("searches.json has %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			q, err := c.query()
			if err != nil {
				t.Fatal(err)
			}
			if q.Limit == 0 && c.Error == "" {
				q.Limit = 100 // must_include looks at the returned hits
			}
			res, err := ix.Search(context.Background(), q)
			for _, msg := range c.Check(res, err) {
				t.Error(msg)
			}
		})
	}
}
