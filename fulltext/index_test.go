package fulltext

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func policy(id, number, title string, repeals ...string) *huiqi.Policy {
	p := &huiqi.Policy{ID: id, Version: 1, Title: title, DocNumber: number, Text: title + "\n对新认定的孵化器给予资金补助。"}
	for _, r := range repeals {
		p.Repeals = append(p.Repeals, huiqi.Repeal{DocNumber: r})
	}
	return p
}

func mustOpen(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// Documents and who repeals whom survive closing and opening the index.
func TestReopenKeepsDocumentsAndRepeals(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix := mustOpen(t, dir)
	ctx := context.Background()
	old := policy("old", "临政办发〔2016〕18号", "临海市科技企业孵化器管理实施细则")
	if err := ix.IndexBatch(ctx, []*huiqi.Policy{old, policy("new", "临政办发〔2017〕132号", "关于加快科技型小微企业孵化与培育的实施意见", "临政办发〔2016〕18号")}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = mustOpen(t, dir)
	defer ix.Close()
	if n, err := ix.Count(ctx); err != nil || n != 2 {
		t.Fatalf("Count after reopen = %d, %v", n, err)
	}
	res, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Status: []huiqi.PolicyStatus{huiqi.StatusSuperseded}})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "old" {
		t.Errorf("superseded after reopen: %+v %v", res, err)
	}
}

func TestIndexNeedsID(t *testing.T) {
	t.Parallel()
	ix := mustOpen(t, filepath.Join(t.TempDir(), "index"))
	defer ix.Close()
	if err := ix.Index(context.Background(), policy("", "", "无编号")); huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Errorf("indexing a policy without ID: %v, want EINVALID", err)
	}
}

// A new index closed at once keeps its layout mark; an index of another
// layout is refused with the way out.
func TestNewIndexKeepsLayout(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	for i := 0; i < 2; i++ {
		ix, err := Open(dir)
		if err != nil {
			t.Fatalf("open %d: %v", i+1, err)
		}
		ix.Close()
	}
}

// An index of another layout is refused with the way out.
func TestOpenRefusesOtherLayout(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix := mustOpen(t, dir)
	b := ix.bi.NewBatch()
	b.SetInternal([]byte(mappingVersionKey), []byte("0"))
	if err := ix.write(b); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := Open(dir); err == nil {
		t.Fatal("opened an index of another layout")
	} else if want := "huiqi reindex"; !strings.Contains(err.Error(), want) || !errors.Is(err, ErrLayout) {
		t.Errorf("error %q does not say %q or is not ErrLayout", err, want)
	}
}

// The fingerprint counts what is indexed at its version, survives a reopen
// and follows new versions and deletes.
func TestFingerprint(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix := mustOpen(t, dir)
	ctx := context.Background()
	a, b := policy("a", "", "孵化器扶持办法"), policy("b", "", "孵化器管理办法")
	if err := ix.IndexBatch(ctx, []*huiqi.Policy{a, b}); err != nil {
		t.Fatal(err)
	}
	var want huiqi.Fingerprint
	want.Add("a", 1)
	want.Add("b", 1)
	if got, err := ix.Fingerprint(ctx); err != nil || got != want {
		t.Errorf("Fingerprint = %+v, %v; want %+v", got, err, want)
	}
	ix.Close()
	ix = mustOpen(t, dir)
	defer ix.Close()
	if got, _ := ix.Fingerprint(ctx); got != want {
		t.Errorf("Fingerprint after reopen = %+v, want %+v", got, want)
	}
	a.Version = 2
	if err := ix.Index(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	want = huiqi.Fingerprint{}
	want.Add("a", 2)
	if got, _ := ix.Fingerprint(ctx); got != want {
		t.Errorf("Fingerprint after a new version and a delete = %+v, want %+v", got, want)
	}
}

// A rebuild replaces the index only on Commit; Abort leaves the old one.
func TestRebuild(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix := mustOpen(t, dir)
	ctx := context.Background()
	if err := ix.Index(ctx, policy("stale", "", "已删除的旧政策")); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	r, err := NewRebuild(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Index(ctx, policy("kept", "", "仍在库中的政策")); err != nil {
		t.Fatal(err)
	}
	if err := r.Abort(); err != nil {
		t.Fatal(err)
	}
	if ids := allIDs(t, dir); len(ids) != 1 || ids[0] != "stale" {
		t.Fatalf("after Abort: %v, want the old index", ids)
	}

	r, err = NewRebuild(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Index(ctx, policy("kept", "", "仍在库中的政策")); err != nil {
		t.Fatal(err)
	}
	if err := r.Commit(); err != nil {
		t.Fatal(err)
	}
	if ids := allIDs(t, dir); len(ids) != 1 || ids[0] != "kept" {
		t.Errorf("after Commit: %v, want only the rebuilt policy", ids)
	}
	for _, leftover := range []string{dir + ".rebuild", dir + ".old"} {
		if _, err := os.Stat(leftover); !os.IsNotExist(err) {
			t.Errorf("%s left behind", leftover)
		}
	}
}

func allIDs(t *testing.T, dir string) []string {
	t.Helper()
	ix := mustOpen(t, dir)
	defer ix.Close()
	res, err := ix.Search(context.Background(), huiqi.SearchQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// An index another Open holds is refused after a moment, as ECONFLICT.
func TestOpenHeldIndex(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix := mustOpen(t, dir)
	defer ix.Close()
	if _, err := Open(dir); huiqi.ErrorCode(err) != huiqi.ECONFLICT {
		t.Errorf("opening a held index: %v, want ECONFLICT", err)
	}
}

// A repeated search comes from the cache, as a copy the caller may change.
func TestCachedResultIsACopy(t *testing.T) {
	t.Parallel()
	ix := mustOpen(t, filepath.Join(t.TempDir(), "index"))
	defer ix.Close()
	ctx := context.Background()
	if err := ix.Index(ctx, policy("a", "", "孵化器补助办法")); err != nil {
		t.Fatal(err)
	}
	q := huiqi.SearchQuery{Text: "孵化器"}
	first, err := ix.Search(ctx, q)
	if err != nil || len(first.Hits) != 1 {
		t.Fatalf("%+v %v", first, err)
	}
	first.Hits[0].Title = "changed by the caller"
	second, err := ix.Search(ctx, q)
	if err != nil || second.Hits[0].Title != "孵化器补助办法" {
		t.Errorf("cached result changed by a caller: %+v %v", second, err)
	}
}

// Searches running while policies are written see a consistent index, and
// every write is visible once it returns.
func TestSearchWhileIndexing(t *testing.T) {
	t.Parallel()
	ix := mustOpen(t, filepath.Join(t.TempDir(), "index"))
	defer ix.Close()
	ctx := context.Background()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 20; i++ {
			if _, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器"}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := 0; i < 20; i++ {
		id := fmt.Sprintf("p%02d", i)
		if err := ix.Index(ctx, policy(id, "", "孵化器补助办法"+id)); err != nil {
			t.Fatal(err)
		}
		res, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Limit: 100})
		if err != nil || res.Total != i+1 {
			t.Fatalf("after %d writes: total %d, %v", i+1, res.Total, err)
		}
	}
	<-done
}
