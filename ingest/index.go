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

// flushIndex indexes the queued policies. The policies are stored whatever
// happens here, so a failure is counted apart from the store's
// (Summary.IndexFailures), and the write is allowed to finish after a cancel.
func (w *writer) flushIndex(ctx context.Context) {
	if len(w.toIndex) == 0 {
		return
	}
	ctx = context.WithoutCancel(ctx)
	defer func() { w.toIndex = w.toIndex[:0] }()
	if b, ok := w.p.Index.(batchIndexer); ok {
		ps := make([]*huiqi.Policy, len(w.toIndex))
		for i, s := range w.toIndex {
			ps[i] = s.policy
		}
		if err := b.IndexBatch(ctx, ps); err == nil {
			w.sum.Indexed += len(ps)
			return
		}
		// One by one, to name the policies that fail.
	}
	for _, s := range w.toIndex {
		if err := w.p.Index.Index(ctx, s.policy); err != nil {
			w.sum.IndexFailures = append(w.sum.IndexFailures, Failure{Name: s.name, Reason: err.Error()})
			continue
		}
		w.sum.Indexed++
	}
}
