// Package sitetest fills a real store and search index with the demo corpus
// for the tests of the API, the portal and the browser: one policy gets a
// second version with a changed amount, so versions and diffs have data.
package sitetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/extract"
	"github.com/huiqi-dev/huiqi/ingest"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// Fixture is a real store filled with the demo corpus, one policy of which
// has a second version, and a search index over it.
type Fixture struct {
	Store     huiqi.PolicyStore
	Index     huiqi.SearchIndex
	Versioned string // ID of the policy with two versions
	Single    string // ID of a policy with one version
	// Dir holds the data directory and the corpus written out.
	Dir string
}

// revisedFile is the demo file given a second version with a changed amount.
const revisedFile = "zhejiang/zj16.txt"

// New fills a new SQLite store in dir and the index opened by openIndex
// (given a directory of its own). Closing them is the caller's business.
func New(t testing.TB, dir string, openIndex func(dir string) (huiqi.SearchIndex, error)) *Fixture {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	index, err := openIndex(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	return Fill(t, dir, store, index)
}

// Fill fills an empty store and index, writing the corpus out in dir.
func Fill(t testing.TB, dir string, store huiqi.PolicyStore, index huiqi.SearchIndex) *Fixture {
	t.Helper()
	ctx := context.Background()
	corpus := filepath.Join(dir, "corpus")
	if _, err := demo.WriteTo(corpus); err != nil {
		t.Fatal(err)
	}
	ingestAll(t, store, corpus)
	revised := filepath.Join(dir, "revised", filepath.Base(revisedFile))
	reviseAmount(t, filepath.Join(corpus, revisedFile), revised)
	sum := ingestAll(t, store, revised)
	if sum.NewVersions != 1 {
		t.Fatalf("revised file: %+v, want one new version", sum)
	}
	f := &Fixture{Store: store, Index: index, Dir: dir}
	list, _, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ps []*huiqi.Policy
	for _, s := range list {
		p, err := store.FindPolicy(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
		if s.Version == 2 {
			f.Versioned = s.ID
		} else if f.Single == "" {
			f.Single = s.ID
		}
	}
	if err := indexAll(ctx, index, ps); err != nil {
		t.Fatal(err)
	}
	if f.Versioned == "" || f.Single == "" {
		t.Fatal("fixture lacks a versioned or a single-version policy")
	}
	return f
}

func ingestAll(t testing.TB, store huiqi.PolicyStore, paths ...string) ingest.Summary {
	t.Helper()
	p := &ingest.Pipeline{Decode: decodeAll, Extract: extract.Extract, Store: store}
	sum, err := p.Run(context.Background(), paths...)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest: %v %+v", err, sum.Failures)
	}
	return sum
}

func decodeAll(path string, emit func(huiqi.Document) error) error {
	docs, err := decode.File(path)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := emit(d); err != nil {
			return err
		}
	}
	return nil
}

var wanAmount = regexp.MustCompile(`(\d+)万元`)

// reviseAmount copies a document with its first amount in 万元 doubled.
func reviseAmount(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	loc := wanAmount.FindSubmatchIndex(b)
	if loc == nil {
		t.Fatalf("%s has no amount in 万元", from)
	}
	n, _ := strconv.Atoi(string(b[loc[2]:loc[3]]))
	out := fmt.Appendf(nil, "%s%d%s", b[:loc[2]], 2*n, b[loc[3]:])
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// indexAll indexes in one write when the index can batch.
func indexAll(ctx context.Context, index huiqi.SearchIndex, ps []*huiqi.Policy) error {
	if b, ok := index.(interface {
		IndexBatch(context.Context, []*huiqi.Policy) error
	}); ok {
		return b.IndexBatch(ctx, ps)
	}
	for _, p := range ps {
		if err := index.Index(ctx, p); err != nil {
			return err
		}
	}
	return nil
}
