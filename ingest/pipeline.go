// Package ingest runs the batch pipeline: files → documents → policies → store.
// It is orchestration only; reading, extraction and storage are injected, so the
// package does no I/O of its own beyond walking folders.
//
// Files are walked in lexical order and stored in that order, documents of a
// file in file order, whatever the number of workers: two runs over the same
// inputs give the same versions.
package ingest

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Pipeline decodes and extracts files in parallel and saves the policies with a
// single writer. Memory stays bounded: channels are bounded and documents are
// streamed, never collected.
type Pipeline struct {
	// Decode streams the documents of one file to emit, stopping when emit
	// returns an error. It returns an EUNSUPPORTED error for a format it cannot read.
	Decode func(path string, emit func(huiqi.Document) error) error
	// Extract turns a document into a policy; it may run in several goroutines.
	Extract func(huiqi.Document) (*huiqi.Policy, error)
	Store   huiqi.PolicyStore
	// Index, when set, is kept in step with the store: every policy created
	// or changed by the run is indexed before Run returns, in batches.
	Index huiqi.SearchIndex
	// Workers is the number of decode and of extract goroutines; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called from the writer goroutine after each
	// document and each file. It must return quickly; throttle rendering there.
	Progress func(Progress)
}

// slot is one file on its way through the pipeline. The writer takes slots in
// walk order and their documents in file order.
type slot struct {
	file input
	docs chan *pending // closed when the file is decoded
	err  error         // decode error, written before docs is closed
}

// pending is a document being extracted; done receives its one outcome.
type pending struct {
	name string
	raw  []byte
	done chan outcome
}

type outcome struct {
	policy *huiqi.Policy
	err    error
}

type job struct {
	doc huiqi.Document
	p   *pending
}

// Run ingests the files and folders at paths and reports what it did. Failures
// of single files and documents are in the Summary, not the error; the error is
// the context's when the run was cancelled, after the documents already handed
// to the store are saved. A document is either saved in one SavePolicy
// transaction or listed as failed, never half stored.
func (p *Pipeline) Run(ctx context.Context, paths ...string) (Summary, error) {
	if p.Decode == nil || p.Extract == nil || p.Store == nil {
		return Summary{}, huiqi.Errorf(huiqi.EINVALID, "ingest: pipeline needs Decode, Extract and Store")
	}
	start := time.Now()
	files, walkFailures := walk(paths)
	w := &writer{p: p, start: start, total: Progress{FilesTotal: len(files)}}
	for _, f := range files {
		w.total.BytesTotal += f.size
	}
	for _, f := range walkFailures {
		w.sum.Failed++
		w.sum.Failures = append(w.sum.Failures, f)
	}

	parent := ctx
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	n := p.workers()
	order := make(chan *slot, n) // slots in walk order, for the writer
	slots := make(chan *slot)    // the same slots, for the decoders
	jobs := make(chan job, 2*n)  // documents waiting for an extractor
	var wg, decoders sync.WaitGroup
	wg.Go(func() { dispatch(ctx, files, order, slots) })
	for range n {
		decoders.Go(func() { p.decodeAll(ctx, slots, jobs) })
		wg.Go(func() { p.extractAll(ctx, jobs) })
	}
	wg.Go(func() { decoders.Wait(); close(jobs) })

	w.run(ctx, order)
	cancel() // release the stages still blocked when the writer stopped early
	wg.Wait()
	w.sum.Duration = time.Since(start)
	return w.sum, parent.Err()
}

func (p *Pipeline) workers() int {
	if p.Workers > 0 {
		return p.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// dispatch hands each file to the writer's queue first, then to the decoders,
// so the writer always waits on a file some decoder has taken or will take next.
func dispatch(ctx context.Context, files []input, order, slots chan<- *slot) {
	defer close(order)
	defer close(slots)
	for _, f := range files {
		s := &slot{file: f, docs: make(chan *pending, 4)}
		select {
		case order <- s:
		case <-ctx.Done():
			return
		}
		select {
		case slots <- s:
		case <-ctx.Done():
			return
		}
	}
}
