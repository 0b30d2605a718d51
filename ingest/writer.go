package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// writer is the single goroutine that saves policies, in walk order, and keeps
// the summary; it alone touches sum, so no lock is needed.
type writer struct {
	p     *Pipeline
	start time.Time
	sum   Summary
	total Progress // only FilesTotal and BytesTotal are used
	// partial counts the raw bytes of the documents saved from the file in
	// progress, so that one large JSONL file shows progress before it ends.
	partial int64
	toIndex []saved  // saved policies waiting for the next index write
	ix      *indexer // indexes beside the writer; nil until the first write
}

// run saves the documents of each file as they are extracted, until the files
// run out or ctx is cancelled.
func (w *writer) run(ctx context.Context, order <-chan *slot) {
	w.report()
	defer w.report()
	defer w.finishIndex(ctx) // what was stored is indexed, even after a cancel
	for {
		select {
		case s, ok := <-order:
			if !ok {
				return
			}
			if !w.file(ctx, s) {
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

// file saves the documents of one file and reports whether to go on.
func (w *writer) file(ctx context.Context, s *slot) bool {
	for {
		var d *pending
		select {
		case d = <-s.docs:
		case <-ctx.Done():
			return false
		}
		if d == nil { // docs closed: the file is decoded
			break
		}
		var o outcome
		select {
		case o = <-d.done:
		case <-ctx.Done():
			return false
		}
		if ctx.Err() != nil { // select picks at random when both are ready
			return false
		}
		w.save(ctx, d, o)
		w.partial = min(w.partial+int64(len(d.raw)), s.file.size)
		w.report()
	}
	if ctx.Err() != nil {
		return false // the decode error is the cancellation itself
	}
	if s.err != nil {
		w.sum.fail(s.file.path, s.err)
	}
	w.sum.Files++
	w.sum.Bytes += s.file.size
	w.partial = 0
	w.report()
	return true
}

// save stores one extracted policy. Once started, a save is allowed to finish
// even if ctx is cancelled meanwhile, so what Run reports as stored is stored.
func (w *writer) save(ctx context.Context, d *pending, o outcome) {
	w.sum.Docs++
	if o.err != nil {
		w.sum.fail(d.name, o.err)
		return
	}
	res, err := w.p.Store.SavePolicy(context.WithoutCancel(ctx), o.policy, d.raw)
	if err != nil {
		w.sum.fail(d.name, fmt.Errorf("save: %w", err))
		return
	}
	switch res.Outcome {
	case huiqi.SaveCreated:
		w.sum.Created++
		w.queueIndex(ctx, d.name, o.policy)
	case huiqi.SaveNewVersion:
		w.sum.NewVersions++
		w.queueIndex(ctx, d.name, o.policy)
	case huiqi.SaveUnchanged:
		w.sum.Unchanged++
	default:
		w.sum.fail(d.name, fmt.Errorf("save: unknown outcome %q", res.Outcome))
	}
}

func (w *writer) report() {
	if w.p.Progress == nil {
		return
	}
	pr := w.total
	pr.Summary = w.sum
	pr.Bytes += w.partial
	pr.Duration = time.Since(w.start)
	w.p.Progress(pr)
}
