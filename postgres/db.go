// Package postgres is the server-mode huiqi.PolicyStore on PostgreSQL.
//
// It goes through database/sql with the pgx driver (pgx/v5/stdlib) rather than
// pgxpool: the queries are plain hand-written SQL, the sqlite adapter, the
// migration runner and the normalised-row writer all speak *sql.Tx, and none
// of pgx's native extras (COPY, batches, custom types) is needed at our write
// rate (see the benchmark in docs/storage.md).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strconv"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/migrate"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationLock is the pg_advisory_xact_lock key of huiqi's migrations; any
// constant works as long as nothing else in the database uses it.
const migrationLock = 0x6875_6971_696d // "huiqim"

// dialect takes a transaction-scoped advisory lock in every migration
// transaction, so two processes starting at once apply each migration once.
var dialect = migrate.Dialect{
	Lock:   `SELECT pg_advisory_xact_lock(` + strconv.Itoa(migrationLock) + `)`,
	Insert: `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
}

// DB is a huiqi.PolicyStore on a PostgreSQL database.
type DB struct {
	db *sql.DB
	// Now is the clock for created/updated times; tests may replace it.
	Now func() time.Time
}

var _ huiqi.PolicyStore = (*DB)(nil)

// Open connects to the database named by dsn (a postgres:// URL or key=value
// string) and applies pending migrations. It fails when the database was
// migrated by a newer huiqi.
func Open(ctx context.Context, dsn string) (*DB, error) {
	db, err := OpenNoMigrate(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// OpenNoMigrate connects without migrating, for `huiqi migrate status`.
func OpenNoMigrate(ctx context.Context, dsn string) (*DB, error) {
	if dsn == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "postgres: a connection string is required")
	}
	sdb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	// Enough for an ingest's workers and the server's readers; PostgreSQL's
	// default max_connections is 100 and other processes share it.
	sdb.SetMaxOpenConns(16)
	sdb.SetMaxIdleConns(8)
	sdb.SetConnMaxIdleTime(5 * time.Minute)
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	return &DB{db: sdb, Now: time.Now}, nil
}

// Close closes the connection pool.
func (db *DB) Close() error { return db.db.Close() }

// Migrate applies pending migrations and returns the versions it applied.
func (db *DB) Migrate(ctx context.Context) ([]int, error) {
	ms, err := migrate.Load(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	done, err := migrate.Up(ctx, db.db, dialect, ms)
	if err != nil {
		return done, fmt.Errorf("postgres: migrate: %w", err)
	}
	return done, nil
}

// MigrationStatus lists the migrations this binary has and which are applied.
func (db *DB) MigrationStatus(ctx context.Context) ([]migrate.State, error) {
	ms, err := migrate.Load(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	st, err := migrate.Status(ctx, db.db, dialect, ms)
	if err != nil {
		return nil, fmt.Errorf("postgres: migration status: %w", err)
	}
	return st, nil
}

// tables lists every table the migrations create, for RowCounts.
var tables = []string{"policies", "policy_versions", "files", "measures", "targets", "tasks", "task_units", "clauses",
	"profiles", "profile_versions", "audit_log", "users", "user_enterprises", "sms_codes", "sessions", "api_tokens",
	"sms_outbox", "applications", "application_steps", "attachments", "threads", "thread_messages", "notifications",
	"policy_curations", "curated_rules"}

// RowCounts returns the number of rows of every table, for tests and `huiqi stats`.
func (db *DB) RowCounts(ctx context.Context) (map[string]int, error) {
	out := make(map[string]int, len(tables))
	for _, t := range tables {
		var n int
		// t comes from the fixed list above, never from input.
		if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("postgres: count %s: %w", t, err)
		}
		out[t] = n
	}
	return out, nil
}

func (db *DB) now() time.Time { return db.Now().UTC() }
