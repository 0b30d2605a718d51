package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/huiqi-dev/huiqi/backup"
)

const backupHelp = `
Backup writes a consistent copy of the data directory to one .tar.gz, while
huiqi serve may be running:
  - the SQLite store as a snapshot (VACUUM INTO: one read transaction, so
    writers carry on and the copy is a state they acknowledged);
  - the search index's files, copied and opened to check them: a copy taken
    while the index is written may not open; it is taken again, and after
    three tries left out for huiqi restore to rebuild from the store (huiqi
    reindex rebuilds it too);
  - secret.key and every other file of the data directory;
  - manifest.json: the huiqi version, the time, the size and SHA-256 of
    every file.
It is written to a temporary file beside FILE and renamed when complete, so
FILE is never half written. Progress is shown on a terminal, a summary on
stdout. The snapshot and the index copy are first gathered beside FILE:
leave room there for about the size of the data directory.

With --db (PostgreSQL server mode) the database is not in the data
directory: back it up with pg_dump, as printed; huiqi backup then copies
only the data directory's files.`

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "backup", "backup [--data DIR] [--db URL] --out FILE.tar.gz [--quiet]", backupHelp)
	cfg := e.config
	fs.StringVar(&cfg.DataDir, "data", cfg.DataDir, "data `DIR` to back up (HUIQI_DATA)")
	fs.StringVar(&cfg.DBURL, "db", cfg.DBURL, "PostgreSQL `URL` postgres://… of server mode: print the pg_dump command (HUIQI_DB)")
	out := fs.String("out", "", "the backup `FILE` to write (.tar.gz)")
	quiet := fs.Bool("quiet", false, "no progress")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	} else if *out == "" {
		return fs.usagef("--out FILE is required")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	o := backup.Options{DataDir: cfg.DataDir, Out: *out, Version: huiqiVersion()}
	if cfg.DBURL != "" {
		printPgDump(e, cfg.DBURL)
		if _, err := os.Stat(cfg.DataDir); errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stdout, "no data directory %s: nothing else to back up\n", cfg.DataDir)
			return nil
		}
	} else {
		o.Store, o.Index, o.CheckIndex = storeFile, indexFolder, checkIndexCopy
	}
	p := newByteProgress(e.stderr, *quiet)
	o.Progress = p.update
	start := time.Now()
	m, err := backup.Create(ctx, o)
	p.finish()
	if err != nil {
		return err
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(e.stdout, "backed up %d files (%s) of %s to %s (%s) in %.1fs\n",
		len(m.Files), size(m.Size()), cfg.DataDir, *out, size(st.Size()), time.Since(start).Seconds())
	if m.IndexRebuild {
		fmt.Fprintln(e.stdout, "the search index was being written and is not in the backup: huiqi restore rebuilds it from the store")
	}
	for _, s := range m.Skipped {
		fmt.Fprintf(e.stdout, "skipped %s: not a regular file\n", s)
	}
	return nil
}

// printPgDump says how to back up a PostgreSQL database, without its
// password: huiqi does not run pg_dump itself.
func printPgDump(e *env, url string) {
	file := "huiqi-" + time.Now().Format("20060102-150405") + ".dump"
	fmt.Fprintf(e.stdout, `PostgreSQL server mode: huiqi backup copies only the data directory's files.
Back up the database with pg_dump (the password from PGPASSWORD or ~/.pgpass):
  pg_dump --format=custom --no-owner --file=%s '%s'
and restore it with:
  pg_restore --clean --if-exists --no-owner --dbname='%s' %s
`, file, redact(url), redact(url), file)
}

// byteProgress shows a backup or restore on a terminal: one line rewritten
// in place; elsewhere a line every few seconds.
type byteProgress struct {
	w           io.Writer
	tty, shown  bool
	quiet       bool
	every       time.Duration
	last        time.Time
	lastPrinted backup.Progress
}

func newByteProgress(w io.Writer, quiet bool) *byteProgress {
	p := &byteProgress{w: w, tty: isTerminal(w), quiet: quiet, every: 5 * time.Second, last: time.Now()}
	if p.tty {
		p.every = 100 * time.Millisecond
	}
	return p
}

func (p *byteProgress) update(pr backup.Progress) {
	p.lastPrinted = pr
	if p.quiet || time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	p.print(pr)
}

func (p *byteProgress) print(pr backup.Progress) {
	line := fmt.Sprintf("%s: %s", pr.Stage, pr.File)
	if pr.Total > 0 {
		line = fmt.Sprintf("%s: %s/%s (%.0f%%) %s", pr.Stage, size(pr.Done), size(pr.Total), 100*float64(pr.Done)/float64(pr.Total), pr.File)
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
	} else {
		fmt.Fprintln(p.w, line)
	}
	p.shown = true
}

// finish ends the live line so the summary starts on a fresh line.
func (p *byteProgress) finish() {
	if p.tty && p.shown {
		p.print(p.lastPrinted)
		fmt.Fprintln(p.w)
	}
}
