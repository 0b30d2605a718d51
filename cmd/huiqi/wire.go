package main

// Wiring: the only file that names the adapters. Commands use the functions
// here and otherwise know only the root package's types and interfaces.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/extract"
	"github.com/huiqi-dev/huiqi/fulltext"
	"github.com/huiqi-dev/huiqi/internal/migrate"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/natsjobs"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/nats-io/nats.go"
)

// openStore opens the configured store, migrating it to this binary's schema.
func openStore(ctx context.Context, c Config) (huiqi.PolicyStore, error) {
	if c.DBURL != "" {
		return postgres.Open(ctx, c.DBURL)
	}
	return sqlite.Open(ctx, c.DataDir)
}

// openIndex opens the search index of the configured store: PostgreSQL full
// text in server mode, else the embedded index in DIR/index.
func openIndex(ctx context.Context, c Config) (huiqi.SearchIndex, error) {
	if c.DBURL != "" {
		return postgres.OpenSearchIndex(ctx, c.DBURL)
	}
	ix, err := fulltext.Open(filepath.Join(c.DataDir, "index"))
	if err != nil {
		return nil, err
	}
	ix.SetCaching(!c.NoSearchCache)
	return ix, nil
}

// isLayoutError tells whether opening the index failed because it was
// written with another layout and must be rebuilt.
func isLayoutError(err error) bool { return errors.Is(err, fulltext.ErrLayout) }

// openFreshIndex opens an empty search index to rebuild into. finish(true)
// puts it in place of the current index, finish(false) drops it. The
// embedded index is built beside the old one and swapped in; the PostgreSQL
// index is rewritten in place (Index replaces each policy's rows), then
// pruned of policies the store no longer holds.
func openFreshIndex(ctx context.Context, c Config) (ix huiqi.SearchIndex, finish func(ok bool) error, err error) {
	if c.DBURL != "" {
		pg, err := postgres.OpenSearchIndex(ctx, c.DBURL)
		if err != nil {
			return nil, nil, err
		}
		return pg, func(ok bool) error {
			if ok {
				if _, err := pg.Prune(ctx); err != nil {
					pg.Close()
					return err
				}
			}
			return pg.Close()
		}, nil
	}
	r, err := fulltext.NewRebuild(filepath.Join(c.DataDir, "index"))
	if err != nil {
		return nil, nil, err
	}
	return r, func(ok bool) error {
		if ok {
			return r.Commit()
		}
		return r.Abort()
	}, nil
}

// openExisting opens the store for a command that only reads: a missing data
// directory is an error rather than a new empty database.
func openExisting(ctx context.Context, c Config) (huiqi.PolicyStore, error) {
	if c.DBURL == "" {
		if _, err := os.Stat(filepath.Join(c.DataDir, sqlite.FileName)); errors.Is(err, fs.ErrNotExist) {
			return nil, huiqi.Errorf(huiqi.ENOTFOUND, "%s: no policies stored here yet (run huiqi ingest, or set --data)", c.DataDir)
		}
	}
	return openStore(ctx, c)
}

// migrator applies and lists schema migrations.
type migrator interface {
	Migrate(ctx context.Context) ([]int, error)
	MigrationStatus(ctx context.Context) ([]migrate.State, error)
	Close() error
}

// openMigrator opens the configured database without migrating it.
func openMigrator(ctx context.Context, c Config) (migrator, error) {
	if c.DBURL != "" {
		return postgres.OpenNoMigrate(ctx, c.DBURL)
	}
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return nil, err
	}
	return sqlite.OpenFileNoMigrate(ctx, filepath.Join(c.DataDir, sqlite.FileName))
}

// decodeStream streams the documents of a file: a JSONL corpus line by line,
// so a multi-gigabyte file never sits in memory, other formats whole.
func decodeStream(path string, emit func(huiqi.Document) error) error {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return decode.EachJSONL(path, emit)
	}
	docs, err := decode.File(path)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := emit(d); err != nil {
			return err
		}
	}
	return nil
}

// extractDoc structures one document.
func extractDoc(doc huiqi.Document) (*huiqi.Policy, error) { return extract.Extract(doc) }

// openMatchJobs returns the batch matcher: in this process, or as jobs on
// the NATS JetStream server at natsURL, with two workers here (more join
// with workMatchJobs and the run id it returns).
func openMatchJobs(natsURL string, m huiqi.EnterpriseMatcher) (jobs huiqi.MatchJobs, runID string, closeFn func(), err error) {
	if natsURL == "" {
		return &match.Batch{Matcher: m}, "", func() {}, nil
	}
	nc, err := nats.Connect(natsURL)
	if err != nil {
		return nil, "", nil, fmt.Errorf("NATS %s: %w", natsURL, err)
	}
	id := natsjobs.NewID()
	return &natsjobs.Runner{ID: id, Conn: nc, Matcher: m, Workers: 2}, id, nc.Close, nil
}

// workMatchJobs works on the jobs of a batch run on NATS JetStream until
// ctx ends.
func workMatchJobs(ctx context.Context, natsURL, runID string, m huiqi.EnterpriseMatcher) error {
	nc, err := nats.Connect(natsURL)
	if err != nil {
		return fmt.Errorf("NATS %s: %w", natsURL, err)
	}
	defer nc.Close()
	return natsjobs.Work(ctx, nc, runID, m)
}
