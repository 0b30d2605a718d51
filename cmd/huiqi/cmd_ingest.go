package main

import (
	"context"
	"fmt"
	"io"

	"github.com/huiqi-dev/huiqi/ingest"
)

const ingestHelp = `
Ingest extracts every document in the files and folders given (folders
recursively, hidden files skipped) and stores the policies. A document already
stored with the same file or text is left unchanged; a changed document with
the same identity (document number, or title and issuer) becomes a new version.

Stored policies are added to the search index (DIR/index, or the database's
with --db) before the command ends. Progress is shown on stderr, a summary on
stdout. Documents that fail are
listed on stderr; the exit status is then 1. Ctrl-C stops after the document
being saved: everything reported stored is stored.

Stored policies are indexed for search as they are saved. --no-index stores
only, for bulk loads: it is faster and needs far less memory (the search
index's dictionary and segments are not loaded); run huiqi reindex afterwards,
or let huiqi serve fill the index when it starts.`

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", "ingest [--data DIR | --db URL] [--workers N] [--no-index] PATH...", ingestHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	fs.IntVar(&cfg.Workers, "workers", cfg.Workers, "decode and extract `N` documents at once, 0 for one per CPU (HUIQI_WORKERS)")
	quiet := fs.Bool("quiet", false, "no progress")
	noIndex := fs.Bool("no-index", false, "store only; index later with huiqi reindex")
	paths, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fs.usagef("no PATH to ingest")
	}
	if err := resolve(); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	progress := newProgress(e.stderr, *quiet)
	p := &ingest.Pipeline{
		Decode: decodeStream, Extract: extractDoc, Store: store,
		Workers: cfg.Workers, Progress: progress.update,
	}
	if !*noIndex {
		index, err := openIndex(ctx, cfg)
		if err != nil {
			return err
		}
		defer index.Close()
		p.Index = index
	}
	sum, runErr := p.Run(ctx, paths...)
	progress.finish()
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "huiqi: %s: %s\n", f.Name, f.Reason)
	}
	for _, f := range sum.IndexFailures {
		fmt.Fprintf(e.stderr, "huiqi: %s: stored, not indexed: %s\n", f.Name, f.Reason)
	}
	writeSummary(e.stdout, sum)
	if runErr != nil {
		return runErr
	}
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}

func writeSummary(w io.Writer, s ingest.Summary) {
	fmt.Fprintf(w, "%d documents in %d files: %d created, %d new versions, %d unchanged, %d failed\n",
		s.Docs, s.Files, s.Created, s.NewVersions, s.Unchanged, s.Failed)
	fmt.Fprintf(w, "%s in %.1fs: %.1f docs/s, %.2f MB/s\n",
		size(s.Bytes), s.Duration.Seconds(), s.DocsPerSecond(), s.MBPerSecond())
	if n := len(s.IndexFailures); n > 0 {
		fmt.Fprintf(w, "%d stored policies not indexed: run huiqi reindex\n", n)
	}
}
