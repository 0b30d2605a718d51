// Package migrate applies numbered, embedded .sql migrations to a database/sql
// database. The sqlite and postgres adapters both use it with their own files
// and Dialect, so the bookkeeping lives in one place while the SQL stays per
// dialect.
package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrUnknownMigration is returned when the database records a migration this
// binary does not have: the database was migrated by a newer huiqi.
var ErrUnknownMigration = errors.New("database schema is newer than this binary")

// Dialect holds what differs between databases.
type Dialect struct {
	// Lock is run first in every migration transaction so that two processes
	// migrating at once take turns ("" when BEGIN already serialises writers).
	Lock string
	// Insert records an applied migration; its three arguments are version,
	// name and applied_at.
	Insert string
}

// Migration is one numbered .sql file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// State is a migration and whether the database has it.
type State struct {
	Version   int       `json:"version"`
	Name      string    `json:"name"`
	Applied   bool      `json:"applied"`
	AppliedAt time.Time `json:"applied_at,omitzero"`
}

const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// Load reads the migrations NNNN_name.sql in dir of fsys, in version order.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []Migration
	seen := map[int]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		m, err := parseName(e.Name())
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[m.Version]; ok {
			return nil, fmt.Errorf("migrations %s and %s share version %d", prev, e.Name(), m.Version)
		}
		seen[m.Version] = e.Name()
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		m.SQL = string(b)
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

// parseName splits "0001_init.sql" into version 1 and name "init".
func parseName(file string) (Migration, error) {
	base := strings.TrimSuffix(file, ".sql")
	num, name, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if !ok || err != nil || v <= 0 || name == "" {
		return Migration{}, fmt.Errorf("migration file %q: want NNNN_name.sql", file)
	}
	return Migration{Version: v, Name: name}, nil
}

// Up applies every pending migration, each in its own transaction, and returns
// the versions it applied. It fails with ErrUnknownMigration, before applying
// anything, when the database has a migration that ms lacks.
func Up(ctx context.Context, db *sql.DB, d Dialect, ms []Migration) ([]int, error) {
	states, err := Status(ctx, db, d, ms)
	if err != nil {
		return nil, err
	}
	var done []int
	for i, s := range states {
		if s.Applied {
			continue
		}
		applied, err := apply(ctx, db, d, ms[i])
		if err != nil {
			return done, err
		}
		if applied {
			done = append(done, s.Version)
		}
	}
	return done, nil
}

// Status lists ms with what the database has applied. It creates an empty
// schema_migrations table if there is none.
func Status(ctx context.Context, db *sql.DB, d Dialect, ms []Migration) ([]State, error) {
	if err := ensureTable(ctx, db, d); err != nil {
		return nil, err
	}
	applied, err := readApplied(ctx, db)
	if err != nil {
		return nil, err
	}
	states := make([]State, len(ms))
	for i, m := range ms {
		states[i] = State{Version: m.Version, Name: m.Name}
		if s, ok := applied[m.Version]; ok {
			states[i].Applied, states[i].AppliedAt = true, s.AppliedAt
			delete(applied, m.Version)
		}
	}
	if len(applied) > 0 {
		return nil, unknown(applied, ms)
	}
	return states, nil
}

// unknown reports the newest of the applied migrations that ms lacks.
func unknown(applied map[int]State, ms []Migration) error {
	newest := State{}
	for _, s := range applied {
		if s.Version > newest.Version {
			newest = s
		}
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].Version
	}
	return fmt.Errorf("%w: it has migration %d (%s), this binary knows up to %d; upgrade huiqi",
		ErrUnknownMigration, newest.Version, newest.Name, latest)
}

// ensureTable creates schema_migrations under the lock: a concurrent CREATE
// TABLE IF NOT EXISTS can still fail in PostgreSQL.
func ensureTable(ctx context.Context, db *sql.DB, d Dialect) error {
	err := inTx(ctx, db, d, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, createTable)
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	return nil
}

func readApplied(ctx context.Context, db *sql.DB) (map[int]State, error) {
	rows, err := db.QueryContext(ctx, `SELECT version, name, applied_at FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	out := map[int]State{}
	for rows.Next() {
		var s State
		var at string
		if err := rows.Scan(&s.Version, &s.Name, &at); err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		s.Applied = true
		s.AppliedAt, _ = time.Parse(time.RFC3339Nano, at)
		out[s.Version] = s
	}
	return out, rows.Err()
}

// apply runs one migration unless another process applied it meanwhile.
func apply(ctx context.Context, db *sql.DB, d Dialect, m Migration) (bool, error) {
	applied := false
	err := inTx(ctx, db, d, func(tx *sql.Tx) error {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = `+strconv.Itoa(m.Version)).Scan(&n)
		if err != nil || n > 0 {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return err
		}
		now := time.Now().UTC().Format(time.RFC3339Nano)
		if _, err := tx.ExecContext(ctx, d.Insert, m.Version, m.Name, now); err != nil {
			return err
		}
		applied = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	return applied, nil
}

func inTx(ctx context.Context, db *sql.DB, d Dialect, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if d.Lock != "" {
		if _, err := tx.ExecContext(ctx, d.Lock); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
