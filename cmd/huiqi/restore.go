package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/backup"
)

const restoreHelp = `
Restore puts a backup written by huiqi backup into a data directory. It
first reads the whole archive and checks every file's SHA-256 against the
manifest, writing nothing; an altered or damaged archive is refused with
the file named, as are entries with absolute paths or "..", links and files
the manifest does not list. It then extracts the files into a new folder
beside DIR, runs the store's integrity check (PRAGMA integrity_check),
lists the store's migrations and applies those it lacks, checks that the
search index opens and is in step with the store (else rebuilds it from the
store), and renames the folder to DIR.

DIR must be empty or missing. With --force a DIR that is not empty is
replaced: it is moved to DIR.old-<time>, and removed once the restored one
is in place. Stop huiqi serve on DIR first.

A backup of PostgreSQL server mode holds only the data directory's files:
restore the database with pg_restore, as huiqi backup printed.`

func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "restore", "restore --from FILE.tar.gz [--data DIR] [--force] [--quiet]", restoreHelp)
	cfg := e.config
	fs.StringVar(&cfg.DataDir, "data", cfg.DataDir, "data `DIR` to restore into (HUIQI_DATA)")
	from := fs.String("from", "", "the backup `FILE` to restore (.tar.gz)")
	force := fs.Bool("force", false, "replace a data directory that is not empty")
	quiet := fs.Bool("quiet", false, "no progress")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	} else if *from == "" {
		return fs.usagef("--from FILE is required")
	}
	cfg.DBURL = ""
	if err := cfg.Validate(); err != nil {
		return err
	}
	p := newByteProgress(e.stderr, *quiet)
	var notes []string
	r, err := backup.Restore(ctx, backup.RestoreOptions{From: *from, DataDir: cfg.DataDir, Force: *force, Progress: p.update,
		Prepare: func(ctx context.Context, dir string, m *backup.Manifest) error {
			p.finish()
			var err error
			notes, err = prepareStore(ctx, e, dir, m, *quiet)
			return err
		}})
	p.finish()
	if err != nil {
		return err
	}
	m := r.Manifest
	fmt.Fprintf(e.stdout, "restored %d files (%s) from %s (huiqi %s, %s) into %s\n", len(m.Files), size(m.Size()), *from,
		m.Version, m.Created.UTC().Format("2006-01-02 15:04:05 UTC"), cfg.DataDir)
	if r.Replaced != "" {
		fmt.Fprintf(e.stdout, "the previous data directory was replaced (moved to %s, then removed)\n", r.Replaced)
	}
	if m.Store == "" {
		fmt.Fprintln(e.stdout, "no SQLite store in this backup (PostgreSQL server mode): restore the database with pg_restore")
		return nil
	}
	fmt.Fprintln(e.stdout, "store integrity check: ok")
	for _, n := range notes {
		fmt.Fprintln(e.stdout, n)
	}
	return nil
}

// prepareStore lists the restored store's migrations, then opens it
// (which applies those pending) and checks that the restored search index
// opens and is in step with it, rebuilding the index when it is not or the
// backup lacks it. It returns what to tell.
func prepareStore(ctx context.Context, e *env, dir string, m *backup.Manifest, quiet bool) ([]string, error) {
	if m.Store == "" {
		return nil, nil
	}
	cfg := Config{DataDir: dir, NoSearchCache: true}
	notes, err := migrationNotes(ctx, cfg)
	if err != nil {
		return nil, err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	why, err := indexProblem(ctx, cfg, store, m)
	if err != nil || why == "" {
		return append(notes, "search index: opens, in step with the store"), err
	}
	ix, finish, err := openFreshIndex(ctx, cfg)
	if err != nil {
		return nil, err
	}
	n, err := reindex(ctx, store, ix, reindexProgress(e.stderr, quiet, time.Now()))
	if err := finish(err == nil); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	return append(notes, fmt.Sprintf("search index: rebuilt from the store, %s (%s)", policies(n), why)), nil
}

// indexProblem tells why the restored index must be rebuilt, "" when it
// need not.
func indexProblem(ctx context.Context, cfg Config, store huiqi.PolicyStore, m *backup.Manifest) (string, error) {
	switch {
	case m.IndexRebuild:
		return "the index was being written during the backup", nil
	case !hasIndex(m):
		return "the backup has no search index", nil
	}
	ix, err := openIndex(ctx, cfg)
	if err != nil {
		return fmt.Sprintf("the index does not open: %v", err), nil
	}
	defer ix.Close()
	reason, err := staleness(ctx, store, ix)
	if reason != "" {
		reason = "the index is not in step with the store: " + reason
	}
	return reason, err
}

// hasIndex tells whether the backup holds search index files.
func hasIndex(m *backup.Manifest) bool {
	for _, f := range m.Files {
		if strings.HasPrefix(f.Path, indexFolder+"/") {
			return true
		}
	}
	return false
}

// migrationNotes says which migrations the restored store has, before it
// is opened and migrated.
func migrationNotes(ctx context.Context, cfg Config) ([]string, error) {
	db, err := openMigrator(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	states, err := db.MigrationStatus(ctx)
	if err != nil {
		return nil, err
	}
	applied, last := 0, 0
	for _, s := range states {
		if s.Applied {
			applied, last = applied+1, s.Version
		}
	}
	if pending := len(states) - applied; pending > 0 {
		return []string{fmt.Sprintf("migrations: the backup had %d (last %d); the %d it lacked were applied", applied, last, pending)}, nil
	}
	return []string{fmt.Sprintf("migrations: all %d applied (last %d)", applied, last)}, nil
}
