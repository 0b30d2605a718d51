package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/huiqi-dev/huiqi"
)

const reindexHelp = `
Reindex rebuilds the search index from the store: the latest version of every
stored policy. Use it when the index missed policies (stored by an older
huiqi, or while the index was held by a running server) or after an upgrade
that changes its layout.

The embedded index is built beside the old one and replaces it when complete,
so the old index serves until then; stop huiqi serve first, as it holds the
index. With --db the database's index is rewritten in place, then entries of
policies no longer stored are dropped. Progress is shown on stderr, a summary
on stdout.`

// reindexPage is how many policies are read from the store and indexed at once.
const reindexPage = 100

func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reindex", "reindex [--data DIR | --db URL] [--quiet]", reindexHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	quiet := fs.Bool("quiet", false, "no progress")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if err := resolve(); err != nil {
		return err
	}
	store, err := openExisting(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	ix, finish, err := openFreshIndex(ctx, cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := reindex(ctx, store, ix, reindexProgress(e.stderr, *quiet, start))
	if err := finish(err == nil); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(e.stdout, "%s indexed in %.1fs: %.0f docs/s\n", policies(n), took.Seconds(), float64(n)/took.Seconds())
	return nil
}

// reindex indexes the latest version of every stored policy, a page at a
// time, and returns how many it indexed.
func reindex(ctx context.Context, store huiqi.PolicyStore, ix huiqi.SearchIndex, progress func(done, total int)) (int, error) {
	done := 0
	for {
		list, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Offset: done, Limit: reindexPage})
		if err != nil {
			return done, err
		}
		if len(list) == 0 {
			progress(done, total)
			return done, nil
		}
		ps := make([]*huiqi.Policy, 0, len(list))
		for _, s := range list {
			p, err := store.FindPolicy(ctx, s.ID)
			if err != nil {
				return done, fmt.Errorf("reindex %s: %w", s.ID, err)
			}
			ps = append(ps, p)
		}
		if err := indexAll(ctx, ix, ps); err != nil {
			return done, err
		}
		done += len(ps)
		progress(done, total)
	}
}

// reindexProgress prints how far a reindex is: on a terminal one line
// rewritten in place, elsewhere a line every few seconds.
func reindexProgress(w io.Writer, quiet bool, start time.Time) func(done, total int) {
	tty := isTerminal(w)
	every := 5 * time.Second
	if tty {
		every = 100 * time.Millisecond
	}
	last := time.Now()
	return func(done, total int) {
		finished := done >= total
		if quiet || (!finished && time.Since(last) < every) || (finished && !tty) {
			return
		}
		last = time.Now()
		line := fmt.Sprintf("reindex: %d/%d policies, %.0f docs/s", done, total, float64(done)/time.Since(start).Seconds())
		if tty {
			fmt.Fprintf(w, "\r\033[K%s", line)
			if finished {
				fmt.Fprintln(w)
			}
			return
		}
		fmt.Fprintln(w, line)
	}
}

// policies counts policies in English: "1 policy", "2 policies".
func policies(n int) string {
	if n == 1 {
		return "1 policy"
	}
	return fmt.Sprintf("%d policies", n)
}
