// Package fulltext is the embedded search index: huiqi.SearchIndex on bleve,
// with Chinese analysis from zhtext. One bleve document per policy (its
// latest version) holds the searchable text, keyword fields for filters and
// facets, and a stored JSON blob with what a hit shows and the clause texts
// snippets are cut from.
package fulltext

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bbolt "go.etcd.io/bbolt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// Index is the embedded search index in one directory. It is safe for
// concurrent use; searches see every Index and Delete that returned.
type Index struct {
	bi    bleve.Index
	sup   *supersede
	life  *lifecycle
	table *table
	cache *resultCache
	// unsynced counts writes searchable but not yet on disk; Close waits
	// for them (see runtimeConfig).
	unsynced sync.WaitGroup
}

var _ huiqi.SearchIndex = (*Index)(nil)

// mappingVersion names the layout of indexed documents; an index written
// with another layout must be rebuilt (huiqi reindex).
const (
	mappingVersionKey = "huiqi_mapping_version"
	mappingVersion    = "5"
)

// ErrLayout is the error (wrapped) of opening an index written with another
// layout: it must be rebuilt from the store (huiqi reindex).
var ErrLayout = errors.New("fulltext: the index was written by another version of huiqi")

// Fingerprint sums the IDs and versions of the indexed policies, to compare
// with the store's.
func (ix *Index) Fingerprint(ctx context.Context) (huiqi.Fingerprint, error) {
	return ix.table.fingerprint(), ctx.Err()
}

// Open opens the index in dir, creating it (and dir) when there is none.
func Open(dir string) (*Index, error) {
	bi, created, err := openBleve(dir)
	if err != nil {
		if errors.Is(err, bbolt.ErrTimeout) {
			return nil, huiqi.Errorf(huiqi.ECONFLICT, "fulltext: the index in %s is in use by another huiqi process (huiqi serve?)", dir)
		}
		return nil, fmt.Errorf("fulltext: open %s: %w", dir, err)
	}
	// An opened index is about to be searched or written: load the
	// segmentation dictionary (a third of a second) while the caller goes
	// on opening other things, rather than in the first request.
	go zhtext.Load()
	ix := &Index{bi: bi, sup: newSupersede(), life: newLifecycle(), table: newTable(), cache: newResultCache()}
	if created {
		b := bi.NewBatch()
		b.SetInternal([]byte(mappingVersionKey), []byte(mappingVersion))
		err = ix.write(b)
	} else {
		err = ix.loadState()
	}
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("fulltext: open %s: %w", dir, err)
	}
	return ix, nil
}

// openBleve opens the bleve index in dir, checking its layout, or creates it.
func openBleve(dir string) (bi bleve.Index, created bool, err error) {
	bi, err = bleve.OpenUsing(dir, runtimeConfig())
	switch {
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing):
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return nil, false, err
		}
		bi, err = bleve.NewUsing(dir, newMapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, runtimeConfig())
		return bi, err == nil, err
	case err != nil:
		return nil, false, err
	}
	if err := checkVersion(bi); err != nil {
		bi.Close()
		return nil, false, err
	}
	return bi, false, nil
}

// runtimeConfig lets a write return once it is searchable, before it is
// synced to disk: a write of one policy then takes half the time. A crash
// can lose the last writes (the store keeps the policies and huiqi reindex
// rebuilds the index from it); Close waits until they are on disk.
//
// bolt_timeout: another process holding the index (huiqi serve) makes Open
// fail after a moment instead of waiting for ever.
func runtimeConfig() map[string]any {
	return map[string]any{"unsafe_batch": true, "bolt_timeout": lockWait.String()}
}

// lockWait is how long Open waits for another process to let the index go.
const lockWait = 2 * time.Second

func checkVersion(bi bleve.Index) error {
	v, err := bi.GetInternal([]byte(mappingVersionKey))
	if err != nil {
		return err
	}
	if string(v) != mappingVersion {
		return fmt.Errorf("%w: index layout %q, want %q: rebuild it with huiqi reindex", ErrLayout, v, mappingVersion)
	}
	return nil
}

// SetCaching turns the result and facet caches on (the default) or off.
// Off, every search does its whole work: for measuring it.
func (ix *Index) SetCaching(on bool) {
	ix.cache.mu.Lock()
	defer ix.cache.mu.Unlock()
	ix.cache.off = !on
}

// Index adds or replaces the policy's entry.
func (ix *Index) Index(ctx context.Context, p *huiqi.Policy) error {
	return ix.IndexBatch(ctx, []*huiqi.Policy{p})
}

// IndexBatch adds or replaces many policies in one write, much faster than
// one Index call each (reindex and bulk ingest use it).
func (ix *Index) IndexBatch(ctx context.Context, ps []*huiqi.Policy) error {
	if len(ps) == 0 {
		return nil
	}
	b := ix.bi.NewBatch()
	today := indexDay()
	rows := make([]row, 0, len(ps))
	for _, p := range ps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == nil || p.ID == "" {
			return huiqi.Errorf(huiqi.EINVALID, "fulltext: a policy to index needs an ID")
		}
		d, r, err := document(p, today, ix.table.number(p.ID))
		if err != nil {
			return fmt.Errorf("fulltext: index %s: %w", p.ID, err)
		}
		if err := b.Index(p.ID, d); err != nil {
			return fmt.Errorf("fulltext: index %s: %w", p.ID, err)
		}
		rows = append(rows, r)
	}
	// Rows go in before the documents are searchable, so that no search
	// meets a number without its row.
	for _, r := range rows {
		ix.table.set(r)
	}
	if err := ix.write(b); err != nil {
		return fmt.Errorf("fulltext: index: %w", err)
	}
	for _, p := range ps {
		ix.sup.set(p.ID, keysOf(p), repealKeys(p))
		ix.life.set(p.ID, lifeOf(p, today))
	}
	ix.cache.clear() // statuses may have changed with the repeals
	return nil
}

// Delete removes a policy; an unknown ID is not an error.
func (ix *Index) Delete(ctx context.Context, id string) error {
	b := ix.bi.NewBatch()
	b.Delete(id)
	if err := ix.write(b); err != nil {
		return fmt.Errorf("fulltext: delete %s: %w", id, err)
	}
	ix.sup.remove(id)
	ix.life.remove(id)
	ix.table.remove(id)
	ix.cache.clear()
	return nil
}

// Count returns the number of indexed policies.
func (ix *Index) Count(ctx context.Context) (int, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("fulltext: count: %w", err)
	}
	return int(n), nil
}

// write applies a batch, counting it unsynced until bleve reports it on
// disk.
func (ix *Index) write(b *bleve.Batch) error {
	// Cleared before and after: a search running meanwhile may have seen
	// the old state and must not cache it.
	ix.cache.clear()
	defer ix.cache.clear()
	ix.unsynced.Add(1)
	synced := sync.OnceFunc(ix.unsynced.Done)
	b.SetPersistedCallback(func(error) { synced() })
	err := ix.bi.Batch(b)
	if err != nil {
		synced() // a refused batch is never persisted
	}
	return err
}

// closeWait bounds how long Close waits for writes to reach the disk; bleve
// persists within milliseconds, so it is only reached if a callback is lost.
const closeWait = 30 * time.Second

// Close waits for writes to reach the disk and closes the index.
func (ix *Index) Close() error {
	synced := make(chan struct{})
	go func() { ix.unsynced.Wait(); close(synced) }()
	select {
	case <-synced:
	case <-time.After(closeWait):
	}
	return ix.bi.Close()
}
