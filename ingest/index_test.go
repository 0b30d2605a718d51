package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/fulltext"
)

func openIndex(t *testing.T) *fulltext.Index {
	t.Helper()
	ix, err := fulltext.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// Every policy a run stores is searchable when Run returns; a second run
// that changes nothing indexes nothing.
func TestRunKeepsIndexInStep(t *testing.T) {
	t.Parallel()
	ix := openIndex(t)
	p := newPipeline(openStore(t), 2)
	p.Index = ix
	ctx := context.Background()
	sum, err := p.Run(ctx, corpus)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != sum.Created || len(sum.IndexFailures) != 0 {
		t.Errorf("indexed %d of %d created, failures %v", sum.Indexed, sum.Created, sum.IndexFailures)
	}
	if n, err := ix.Count(ctx); err != nil || n != corpusDocs {
		t.Errorf("index holds %d policies (%v), want %d", n, err, corpusDocs)
	}
	res, err := ix.Search(ctx, huiqi.SearchQuery{Text: "温政发202057号"})
	if err != nil || res.Total != 1 {
		t.Fatalf("the 温岭 document is not searchable after the run: %v %v", res, err)
	}
	again, err := p.Run(ctx, corpus)
	if err != nil || again.Indexed != 0 {
		t.Errorf("second run indexed %d (%v), want 0", again.Indexed, err)
	}
}

// failingIndex refuses one policy, by title, and has no batch path.
type failingIndex struct {
	huiqi.SearchIndex
	refuse string
}

func (f failingIndex) Index(ctx context.Context, p *huiqi.Policy) error {
	if p.Title == f.refuse {
		return errors.New("index full")
	}
	return f.SearchIndex.Index(ctx, p)
}

// A policy the index refuses is stored all the same and reported apart.
func TestRunReportsIndexFailuresApart(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	p := newPipeline(store, 1)
	p.Index = failingIndex{SearchIndex: openIndex(t), refuse: "成渝综合性科学中心建设方案"}
	sum, err := p.Run(context.Background(), corpus)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.IndexFailures) != 1 || sum.Indexed != sum.Created-1 || sum.Failed != 2 {
		t.Fatalf("indexed %d of %d, index failures %v, failed %d", sum.Indexed, sum.Created, sum.IndexFailures, sum.Failed)
	}
	if f := sum.IndexFailures[0]; filepath.Base(f.Name) != "001_654287db9a519d19.txt" || f.Reason != "index full" {
		t.Errorf("index failure %+v", f)
	}
	if n := store.stored(t); n != corpusDocs {
		t.Errorf("store holds %d, want %d: index failures must not stop saving", n, corpusDocs)
	}
}
