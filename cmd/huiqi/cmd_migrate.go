package main

import (
	"context"
	"fmt"
	"strconv"
)

const migrateHelp = `
Migrate applies the database migrations this binary has and the database
lacks; "migrate status" lists them and whether each is applied. Other
commands also migrate a store when they open it. With --db it then says when
search rows an older huiqi wrote lack what this one indexes (the beneficiary
types since migration 0005), which only huiqi reindex can fill in.`

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "migrate", "migrate [--data DIR | --db URL] [status]", migrateHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	status := len(pos) == 1 && pos[0] == "status"
	if len(pos) > 1 || len(pos) == 1 && !status {
		return fs.usagef("unexpected arguments %q", pos)
	}
	if err := resolve(); err != nil {
		return err
	}
	db, err := openMigrator(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if !status {
		done, err := db.Migrate(ctx)
		if err != nil {
			return err
		}
		if len(done) == 0 {
			fmt.Fprintln(e.stdout, "database is up to date")
		}
		for _, v := range done {
			fmt.Fprintf(e.stdout, "applied migration %d\n", v)
		}
		return noteOutdated(ctx, e, cfg)
	}
	states, err := db.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	rows := [][]string{{"VERSION", "NAME", "APPLIED"}}
	for _, s := range states {
		applied := "pending"
		if s.Applied {
			applied = s.AppliedAt.UTC().Format("2006-01-02 15:04:05")
		}
		rows = append(rows, []string{strconv.Itoa(s.Version), s.Name, applied})
	}
	return writeTable(e.stdout, rows)
}

// noteOutdated says when the search rows of a PostgreSQL database were
// written by an older huiqi (before migration 0005, without the beneficiary
// types): no migration can fill in what huiqi derives in Go.
func noteOutdated(ctx context.Context, e *env, cfg Config) error {
	if cfg.DBURL == "" {
		return nil
	}
	ix, err := openIndex(ctx, cfg)
	if err != nil {
		return err
	}
	defer ix.Close()
	o, ok := ix.(outdater)
	if !ok {
		return nil
	}
	n, err := o.Outdated(ctx)
	if err != nil || n == 0 {
		return err
	}
	fmt.Fprintf(e.stdout, "the search index holds %s written by an older huiqi, without the beneficiary types: "+
		"run `huiqi reindex %s` (huiqi serve does it at start-up for up to %d policies)\n", policies(n), storeArgs(cfg), autoReindexMax)
	return nil
}
