// Package sqlite is the embedded huiqi.PolicyStore: one SQLite file in the data
// directory, opened with the pure-Go modernc.org/sqlite driver.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/migrate"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// FileName is the database file Open creates in the data directory.
const FileName = "huiqi.db"

// timeFormat has fixed-width nanoseconds so that stored times sort as text.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// dialect: BEGIN IMMEDIATE (see pragmas) already serialises writers across
// processes, so migrations need no extra lock.
var dialect = migrate.Dialect{
	Insert: `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
}

// DB is a huiqi.PolicyStore on one SQLite file.
type DB struct {
	path string
	// read is a pool of connections for queries; WAL lets them run while a
	// write is in progress.
	read *sql.DB
	// write has a single connection: SQLite allows one writer at a time, and
	// queueing writers in Go is cheaper and fairer than SQLITE_BUSY retries.
	write *sql.DB
	// Now is the clock for created/updated times; tests may replace it.
	Now func() time.Time
}

var _ huiqi.PolicyStore = (*DB)(nil)

// Open opens (creating on first use) the data directory dataDir and the
// database huiqi.db in it, and applies pending migrations.
func Open(ctx context.Context, dataDir string) (*DB, error) {
	if dataDir == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "sqlite: data directory is required")
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("sqlite: create data directory: %w", err)
	}
	return OpenFile(ctx, filepath.Join(dataDir, FileName))
}

// OpenFile opens (creating on first use) the database file at path and applies
// pending migrations. It fails when the file was migrated by a newer huiqi.
func OpenFile(ctx context.Context, path string) (*DB, error) {
	db, err := OpenFileNoMigrate(ctx, path)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// OpenFileNoMigrate opens the database at path without migrating it, for
// `huiqi migrate status` to show what is pending.
func OpenFileNoMigrate(ctx context.Context, path string) (*DB, error) {
	// The driver reads everything after '?' as connection parameters.
	if path == "" || strings.Contains(path, "?") {
		return nil, huiqi.Errorf(huiqi.EINVALID, "sqlite: invalid database path %q", path)
	}
	db := &DB{path: path, Now: time.Now}
	var err error
	if db.write, err = sql.Open("sqlite", dsn(path, "immediate")); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetConnMaxIdleTime(0)
	if db.read, err = sql.Open("sqlite", dsn(path, "deferred")); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	readers := max(4, runtime.NumCPU())
	db.read.SetMaxOpenConns(readers)
	// Keep readers open: each new connection runs the pragmas again.
	db.read.SetMaxIdleConns(readers)
	// The write connection creates the file and switches it to WAL before any
	// reader opens it.
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// dsn configures every connection of a pool:
//   - busy_timeout first, so that the other pragmas wait for a lock held by
//     another process instead of failing with SQLITE_BUSY;
//   - WAL, so readers never block the writer nor the writer the readers;
//   - foreign_keys, off by default in SQLite for compatibility: we rely on them
//     to cascade a policy's deletion to its versions and their rows, and to
//     refuse deleting a file a version still points at;
//   - synchronous=NORMAL: in WAL mode a commit is in the log before COMMIT
//     returns, so a killed process loses nothing it committed; only a power
//     loss or OS crash can lose the last transactions (never corrupting the
//     file), which FULL's fsync per commit would prevent at a large cost;
//   - _txlock=immediate on the write pool: a write transaction takes the write
//     lock at BEGIN, so a read-then-write cannot fail to upgrade its lock and
//     another process's writer waits on busy_timeout instead.
func dsn(path, txlock string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", txlock)
	return path + "?" + q.Encode()
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close closes both pools.
func (db *DB) Close() error {
	return errors.Join(db.read.Close(), db.write.Close())
}

// Migrate applies pending migrations and returns the versions it applied.
func (db *DB) Migrate(ctx context.Context) ([]int, error) {
	ms, err := migrate.Load(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	done, err := migrate.Up(ctx, db.write, dialect, ms)
	if err != nil {
		return done, fmt.Errorf("sqlite: migrate %s: %w", db.path, err)
	}
	return done, nil
}

// MigrationStatus lists the migrations this binary has and which are applied.
func (db *DB) MigrationStatus(ctx context.Context) ([]migrate.State, error) {
	ms, err := migrate.Load(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	st, err := migrate.Status(ctx, db.write, dialect, ms)
	if err != nil {
		return nil, fmt.Errorf("sqlite: migration status %s: %w", db.path, err)
	}
	return st, nil
}

func (db *DB) now() string { return db.Now().UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
