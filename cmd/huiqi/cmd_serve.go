package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/server"
)

const serveHelp = `
Serve runs the policy portal and the JSON API (/api/v1/, described at
/api/v1/openapi.json) over the stored policies and their search index. With
--demo it first stores the built-in demo corpus, so a fresh machine has
something to show. It prints the URL, logs each request, and stops cleanly on
Ctrl-C (SIGINT) or SIGTERM.`

// shutdownGrace is how long requests in flight may finish after a signal.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "serve [--data DIR | --db URL] [--addr HOST:PORT] [--demo]", serveHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	withDemo := fs.Bool("demo", false, "store the built-in demo corpus first")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if err := resolve(); err != nil {
		return err
	}
	store, err := openServeStore(ctx, e, cfg, *withDemo)
	if err != nil {
		return err
	}
	defer store.Close()
	index, err := openIndex(ctx, cfg)
	if err != nil {
		return err
	}
	defer index.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	if err := syncIndex(ctx, logger, store, index); err != nil {
		return err
	}
	h, err := server.New(store, index, logger)
	if err != nil {
		return err
	}
	return listenAndServe(ctx, e, logger, *addr, h)
}

// openServeStore opens the store, filled with the demo corpus when asked;
// without --demo the data must exist already.
func openServeStore(ctx context.Context, e *env, cfg Config, withDemo bool) (huiqi.PolicyStore, error) {
	if !withDemo {
		return openExisting(ctx, cfg)
	}
	store, sum, err := loadDemo(ctx, e, cfg)
	if err == nil && sum.Failed > 0 {
		fmt.Fprintf(e.stderr, "huiqi serve: %d demo documents failed; serving the rest\n", sum.Failed)
	}
	return store, err
}

// syncIndex fills an index that holds fewer policies than the store (a new
// data directory, or one filled before indexing existed). Saves made while
// serving keep it in step themselves.
func syncIndex(ctx context.Context, logger *slog.Logger, store huiqi.PolicyStore, index huiqi.SearchIndex) error {
	_, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1})
	if err != nil {
		return err
	}
	n, err := index.Count(ctx)
	if err != nil || n == total {
		return err
	}
	logger.Info("indexing stored policies", "stored", total, "indexed", n)
	start := time.Now()
	const page = 200
	for off := 0; off < total; off += page {
		list, _, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Offset: off, Limit: page})
		if err != nil {
			return err
		}
		ps := make([]*huiqi.Policy, 0, len(list))
		for _, s := range list {
			p, err := store.FindPolicy(ctx, s.ID)
			if err != nil {
				return err
			}
			ps = append(ps, p)
		}
		if err := indexAll(ctx, index, ps); err != nil {
			return err
		}
	}
	logger.Info("indexed", "policies", total, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// listenAndServe serves until ctx is cancelled, then lets requests in flight
// finish.
func listenAndServe(ctx context.Context, e *env, logger *slog.Logger, addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return huiqi.Errorf(huiqi.EINVALID, "cannot listen on %s: %v", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
	fmt.Fprintf(e.stdout, "huiqi: serving the portal at http://%s/ (API at http://%s/api/v1/) — Ctrl-C stops\n", ln.Addr(), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	stop, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// indexAll indexes policies in one write when the index can batch, as the
// embedded one can (one write per policy costs a segment each).
func indexAll(ctx context.Context, index huiqi.SearchIndex, ps []*huiqi.Policy) error {
	if b, ok := index.(interface {
		IndexBatch(context.Context, []*huiqi.Policy) error
	}); ok {
		return b.IndexBatch(ctx, ps)
	}
	for _, p := range ps {
		if err := index.Index(ctx, p); err != nil {
			return err
		}
	}
	return nil
}
