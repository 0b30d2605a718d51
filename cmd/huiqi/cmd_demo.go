package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/ingest"
)

const demoHelp = `
Demo stores the demo corpus that is built into huiqi — five policy documents
as captured from the web and 81 Zhejiang enterprise-support policies — in the
data directory (created on first use), then lists what was extracted. Running
it again changes nothing. The documents themselves are written beside the
database, in DIR/demo-corpus, for reading.`

// loadDemo writes the built-in corpus out, opens the configured store and
// stores the corpus in it, printing the summary. The store stays open for the
// caller: demo lists it, serve serves it.
func loadDemo(ctx context.Context, e *env, cfg Config) (huiqi.PolicyStore, ingest.Summary, error) {
	dir := filepath.Join(cfg.DataDir, "demo-corpus")
	if cfg.DBURL != "" {
		tmp, err := os.MkdirTemp("", "huiqi-demo-")
		if err != nil {
			return nil, ingest.Summary{}, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if _, err := demo.WriteTo(dir); err != nil {
		return nil, ingest.Summary{}, err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return nil, ingest.Summary{}, err
	}
	index, err := openIndex(ctx, cfg)
	if err != nil {
		store.Close()
		return nil, ingest.Summary{}, err
	}
	defer index.Close()
	progress := newProgress(e.stderr, false)
	p := &ingest.Pipeline{Decode: decodeStream, Extract: extractDoc, Store: store, Index: index, Workers: cfg.Workers, Progress: progress.update}
	sum, err := p.Run(ctx, dir)
	progress.finish()
	if err != nil {
		store.Close()
		return nil, sum, err
	}
	writeSummary(e.stdout, sum)
	return store, sum, nil
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "demo", "demo [--data DIR | --db URL]", demoHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if err := resolve(); err != nil {
		return err
	}
	store, sum, err := loadDemo(ctx, e, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	f := huiqi.PolicyFilter{Limit: 10}
	list, total, err := store.ListPolicies(ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	if err := writePolicyList(e, list, total, f); err != nil {
		return err
	}
	where := "--data " + cfg.DataDir
	if cfg.DBURL != "" {
		where = "--db URL"
	}
	fmt.Fprintf(e.stdout, "\nnext: huiqi show %s ID   ·   huiqi policies %s --limit 100   ·   huiqi export --json %s ID\n", where, where, where)
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}
