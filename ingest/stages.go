package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// decodeAll decodes the files it is handed, one at a time.
func (p *Pipeline) decodeAll(ctx context.Context, slots <-chan *slot, jobs chan<- job) {
	for s := range slots {
		p.decodeFile(ctx, s, jobs)
	}
}

// decodeFile streams the documents of one file: each goes to the file's queue,
// where the writer will wait for it, and to the extractors.
func (p *Pipeline) decodeFile(ctx context.Context, s *slot, jobs chan<- job) {
	defer close(s.docs)
	defer func() {
		if r := recover(); r != nil {
			s.err = fmt.Errorf("decoder panicked: %v", r)
		}
	}()
	if ctx.Err() != nil {
		return
	}
	s.err = p.Decode(s.file.path, func(doc huiqi.Document) error {
		if doc.Name == "" {
			doc.Name = s.file.path
		}
		d := &pending{name: doc.Name, raw: doc.Raw, done: make(chan outcome, 1)}
		select {
		case s.docs <- d:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- job{doc: doc, p: d}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// extractAll extracts documents until the decoders are done. It never blocks
// on its output: each pending document has room for its one outcome.
func (p *Pipeline) extractAll(ctx context.Context, jobs <-chan job) {
	for {
		select {
		case j, ok := <-jobs:
			if !ok {
				return
			}
			j.p.done <- p.extract(j.doc)
		case <-ctx.Done():
			return
		}
	}
}

// extract runs Extract on one document, turning a panic into that document's
// failure so one bad document cannot stop a batch.
func (p *Pipeline) extract(doc huiqi.Document) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = outcome{err: fmt.Errorf("extraction panicked: %v", r)}
		}
	}()
	pol, err := p.Extract(doc)
	if err == nil && pol == nil {
		err = errors.New("extraction gave no policy")
	}
	return outcome{policy: pol, err: err}
}
