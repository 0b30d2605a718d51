package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// autoReindexMax is the most stored policies serve rebuilds a stale index
// for on its own at start-up: at the 40 to 150 policies a second reindex
// runs at, under a minute. A larger store is served as it is, with a
// message saying what to run, unless --reindex asks for the rebuild.
const autoReindexMax = 2000

// recentChecked is how many of the latest stored policies serve looks up in
// the index at start-up: the last writes are the ones an interrupted or
// --no-index ingest leaves out.
const recentChecked = 10

// indexPlan is what serve does about the index before it listens.
type indexPlan struct {
	force bool // --reindex: rebuild whatever the check finds
	max   int  // rebuild on its own up to this many stored policies
}

// openServeIndex opens the search index and checks it against the store: an
// index of another layout, of another number of policies, or lacking one
// of the latest stored versions is rebuilt from the store when it is small
// (or when asked), else served with a message naming the command to run.
// An index of another layout cannot be served at all.
func openServeIndex(ctx context.Context, w io.Writer, cfg Config, store huiqi.PolicyStore, plan indexPlan) (huiqi.SearchIndex, error) {
	index, err := openIndex(ctx, cfg)
	var reason string
	switch {
	case err != nil && isLayoutError(err):
		reason = "it was written by another version of huiqi (" + err.Error() + ")"
	case err != nil:
		return nil, err
	default:
		if reason, err = staleness(ctx, store, index); err != nil {
			index.Close()
			return nil, err
		}
		if reason == "" && !plan.force {
			return index, nil
		}
	}
	_, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1})
	if err != nil {
		if index != nil {
			index.Close()
		}
		return nil, err
	}
	if !plan.force && total > plan.max {
		how := fmt.Sprintf("stop the server and run `huiqi reindex %s` (%s), or start it with --reindex", storeArgs(cfg), policies(total))
		if index == nil {
			return nil, huiqi.Errorf(huiqi.EINVALID, "the search index must be rebuilt: %s; %s", reason, how)
		}
		fmt.Fprintf(w, "huiqi serve: WARNING: the search index is not in step with the store: %s.\nSearches miss or show outdated policies until you %s.\n", reason, how)
		return index, nil
	}
	if index != nil {
		index.Close()
	}
	if reason == "" {
		reason = "--reindex"
	}
	fmt.Fprintf(w, "huiqi serve: rebuilding the search index of %s: %s\n", policies(total), reason)
	if err := rebuildIndex(ctx, w, cfg, store); err != nil {
		return nil, fmt.Errorf("rebuild the search index: %w", err)
	}
	return openIndex(ctx, cfg)
}

// rebuildIndex rebuilds the index from the store as huiqi reindex does.
func rebuildIndex(ctx context.Context, w io.Writer, cfg Config, store huiqi.PolicyStore) error {
	ix, finish, err := openFreshIndex(ctx, cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := reindex(ctx, store, ix, reindexProgress(w, false, start))
	if err := finish(err == nil); err != nil {
		return err
	}
	if err == nil {
		fmt.Fprintf(w, "huiqi serve: %s indexed in %.1fs\n", policies(n), time.Since(start).Seconds())
	}
	return err
}

// storeArgs is the store flag for a command to print: the data directory,
// or --db without the URL, which may hold a password.
func storeArgs(cfg Config) string {
	if cfg.DBURL != "" {
		return "--db URL"
	}
	return "--data " + cfg.DataDir
}
