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
Ctrl-C (SIGINT) or SIGTERM.

At start-up it checks the search index against the store: the number of
policies on each side, the version indexed of the latest stored policies,
and the index's layout. An index out of step is rebuilt from the store
when the store holds up to 2,000 policies (under a minute); a larger one is
served as it is with a warning naming the command to run (huiqi reindex),
except an index of another layout, which cannot be read: serve stops and
says so. --reindex rebuilds the index whatever the check finds.

When the store keeps accounts (SQLite and PostgreSQL both do), serve also
runs the platform: sign-in with an SMS code or a staff password, 我要申报,
在线咨询 and the audit log. The secret keying code hashes is HUIQI_SECRET or
DATA/secret.key (created on first start). Without HUIQI_SMS_URL no text is
sent: codes go to the log and to the administrator's outbox (/admin/outbox),
and serve says so. HUIQI_LLM_URL (or --llm-url), with HUIQI_LLM_MODEL and
HUIQI_LLM_KEY, phrases consultation answers from the quoted clauses; it is
off by default. Codes are limited per number (HUIQI_CODE_INTERVAL, 60s;
HUIQI_CODE_PHONE_DAY, 10) and per client address (HUIQI_CODE_IP_HOUR, 20;
HUIQI_CODE_IP_DAY, 50); behind a reverse proxy, name it with
--trusted-proxies so that the client's address is read from
X-Forwarded-For. HUIQI_PLATFORM=off (or --platform=false) serves the public
site only. The first administrator is added with huiqi user add --role admin.`

// shutdownGrace is how long requests in flight may finish after a signal.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "serve [--data DIR | --db URL] [--addr HOST:PORT] [--demo] [--reindex] [--platform=false] [--llm-url URL] [--trusted-proxies LIST]", serveHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	withDemo := fs.Bool("demo", false, "store the built-in demo corpus first")
	rebuild := fs.Bool("reindex", false, "rebuild the search index from the store before serving")
	resolvePlatform := cfg.platformFlags(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if err := resolve(); err != nil {
		return err
	}
	if err := resolvePlatform(); err != nil {
		return err
	}
	if *withDemo {
		if err := demoLayout(ctx, e, cfg); err != nil {
			return err
		}
	}
	store, err := openServeStore(ctx, e, cfg, *withDemo)
	if err != nil {
		return err
	}
	defer store.Close()
	index, err := openServeIndex(ctx, e.stderr, cfg, store, indexPlan{force: *rebuild, max: autoReindexMax})
	if err != nil {
		return err
	}
	defer index.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	plat, err := openPlatform(ctx, e.stdout, cfg, store, logger)
	if err != nil {
		return err
	}
	opts, err := serveOptions(cfg, plat)
	if err != nil {
		return err
	}
	h, err := server.New(store, index, logger, opts...)
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

// demoLayout rebuilds, before --demo stores its corpus, an index written
// with another layout, which the demo's ingest could not open.
func demoLayout(ctx context.Context, e *env, cfg Config) error {
	index, err := openIndex(ctx, cfg)
	if err == nil {
		return index.Close()
	}
	if !isLayoutError(err) {
		return err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	fmt.Fprintf(e.stderr, "huiqi serve: rebuilding the search index: it was written by another version of huiqi\n")
	return rebuildIndex(ctx, e.stderr, cfg, store)
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
