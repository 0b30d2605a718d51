package api_test

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

// fixture is a real store filled with the demo corpus, one policy of which
// has a second version, and a search index over it.
type fixture struct {
	store     huiqi.PolicyStore
	index     huiqi.SearchIndex
	versioned string // ID of the policy with two versions
	single    string // ID of a policy with one version
}

// revisedFile is the demo file given a second version with a changed amount.
const revisedFile = "zhejiang/zj16.txt"

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
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
	f := &fixture{store: store, index: openIndex(t)}
	list, _, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		p, err := store.FindPolicy(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.index.Index(ctx, p); err != nil {
			t.Fatal(err)
		}
		if s.Version == 2 {
			f.versioned = s.ID
		} else if f.single == "" {
			f.single = s.ID
		}
	}
	if f.versioned == "" || f.single == "" {
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
