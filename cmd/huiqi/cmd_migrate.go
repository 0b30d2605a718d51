package main

import (
	"context"
	"fmt"
	"strconv"
)

const migrateHelp = `
Migrate applies the database migrations this binary has and the database
lacks; "migrate status" lists them and whether each is applied. Other
commands also migrate a store when they open it.`

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
		return nil
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
