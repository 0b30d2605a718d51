package ingest

import (
	"context"

	"github.com/huiqi-dev/huiqi"
)

// indexBatch is how many saved policies are indexed in one write: one write
// per policy costs a segment each, a batch shares it.
const indexBatch = 64

// batchIndexer is an index that can add many policies in one write, as the
// embedded index can.
type batchIndexer interface {
	IndexBatch(ctx context.Context, ps []*huiqi.Policy) error
}

// saved is a stored policy waiting to be indexed, with the input it came from.
type saved struct {
	name   string
	policy *huiqi.Policy
}

// queueIndex adds a policy that was created or changed to the next index
// write. Unchanged policies are not indexed again: huiqi reindex repairs an
// index that missed them.
func (w *writer) queueIndex(ctx context.Context, name string, p *huiqi.Policy) {
	if w.p.Index == nil {
		return
	}
	w.toIndex = append(w.toIndex, saved{name, p})
	if len(w.toIndex) >= indexBatch {
		w.flushIndex(ctx)
	}
}

// flushIndex hands the queued policies to the indexer, which indexes them
// while the writer stores the next ones (analysing Chinese text for the
// index costs as much as extracting and storing it). At most one batch
// waits: a slow index slows the writer rather than filling memory.
func (w *writer) flushIndex(ctx context.Context) {
	if len(w.toIndex) == 0 {
		return
	}
	if w.ix == nil {
		w.ix = startIndexer(w.p.Index)
	}
	w.ix.in <- w.toIndex
	w.toIndex = nil
}

// finishIndex indexes what is queued, waits for the indexer and counts its
// work in the summary. The policies are stored whatever happens here, so a
// failure is counted apart from the store's (Summary.IndexFailures), and the
// writes finish after a cancel.
func (w *writer) finishIndex(ctx context.Context) {
	w.flushIndex(ctx)
	if w.ix == nil {
		return
	}
	close(w.ix.in)
	<-w.ix.done
	w.sum.Indexed += w.ix.indexed
	w.sum.IndexFailures = append(w.sum.IndexFailures, w.ix.failures...)
	w.ix = nil
}

// indexer indexes batches of saved policies in its own goroutine.
type indexer struct {
	index    huiqi.SearchIndex
	in       chan []saved
	done     chan struct{}
	indexed  int       // read after done
	failures []Failure // read after done
}

func startIndexer(index huiqi.SearchIndex) *indexer {
	ix := &indexer{index: index, in: make(chan []saved, 1), done: make(chan struct{})}
	go func() {
		defer close(ix.done)
		for batch := range ix.in {
			ix.write(batch)
		}
	}()
	return ix
}

// write indexes one batch in one write when the index can, else (or when
// that write fails, to name the policies that fail) one by one.
func (ix *indexer) write(batch []saved) {
	ctx := context.Background()
	if b, ok := ix.index.(batchIndexer); ok {
		ps := make([]*huiqi.Policy, len(batch))
		for i, s := range batch {
			ps[i] = s.policy
		}
		if err := b.IndexBatch(ctx, ps); err == nil {
			ix.indexed += len(ps)
			return
		}
	}
	for _, s := range batch {
		if err := ix.index.Index(ctx, s.policy); err != nil {
			ix.failures = append(ix.failures, Failure{Name: s.name, Reason: err.Error()})
			continue
		}
		ix.indexed++
	}
}
