package match

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Batch runs batch matching in this process: Workers goroutines (default
// GOMAXPROCS) summarise the enterprises of a source with one Matcher.
type Batch struct {
	Matcher huiqi.EnterpriseMatcher
	Workers int
}

var _ huiqi.MatchJobs = (*Batch)(nil)

type job struct {
	key string
	e   *huiqi.Enterprise
}

// Run matches every enterprise of src as of asOf and writes the summaries
// to sink, stopping at the first error of the source or the sink.
func (b *Batch) Run(ctx context.Context, src huiqi.EnterpriseSource, sink huiqi.MatchSink, asOf huiqi.Date) (huiqi.BatchStats, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	n := b.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, 4*n)
	out := make(chan huiqi.MatchSummary, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out <- b.Matcher.Summarize(j.key, j.e, asOf)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		readErr <- feed(ctx, src, jobs)
		wg.Wait()
		close(out)
	}()
	var st huiqi.BatchStats
	var sinkErr error
	for s := range out {
		if sinkErr != nil {
			continue // drain
		}
		if sinkErr = sink.Put(ctx, s); sinkErr != nil {
			cancel()
			continue
		}
		st.Add(s)
	}
	st.Elapsed = time.Since(start)
	if err := <-readErr; err != nil && sinkErr == nil {
		return st, err
	}
	return st, sinkErr
}

// feed reads the source into jobs until io.EOF, an error or cancellation.
func feed(ctx context.Context, src huiqi.EnterpriseSource, jobs chan<- job) error {
	defer close(jobs)
	for {
		key, e, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		select {
		case jobs <- job{key, e}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// SliceSource is an EnterpriseSource over enterprises in memory, keyed by
// their index.
type SliceSource struct {
	Enterprises []*huiqi.Enterprise
	i           int
}

// Next returns the next enterprise, io.EOF after the last.
func (s *SliceSource) Next(context.Context) (string, *huiqi.Enterprise, error) {
	if s.i >= len(s.Enterprises) {
		return "", nil, io.EOF
	}
	s.i++
	return strconv.Itoa(s.i - 1), s.Enterprises[s.i-1], nil
}

// SinkFunc adapts a function to a MatchSink.
type SinkFunc func(ctx context.Context, s huiqi.MatchSummary) error

// Put calls f.
func (f SinkFunc) Put(ctx context.Context, s huiqi.MatchSummary) error { return f(ctx, s) }
