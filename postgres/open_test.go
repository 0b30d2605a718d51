package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi/internal/migrate"
	"github.com/huiqi-dev/huiqi/postgres"
)

// TestConcurrentOpenMigratesOnce: processes starting together on an empty
// database take turns on the advisory lock; each migration is applied once.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	dsn := newDatabase(t)
	const n = 4
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			db, err := postgres.Open(context.Background(), dsn)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open %d: %v", i, err)
		}
	}
	db := mustOpen(t, dsn)
	defer db.Close()
	st, err := db.MigrationStatus(context.Background())
	if err != nil || len(st) == 0 {
		t.Fatalf("MigrationStatus = %v, %v", st, err)
	}
	for _, s := range st {
		if !s.Applied {
			t.Errorf("migration %d not applied", s.Version)
		}
	}
}

func TestMigrationStatus(t *testing.T) {
	ctx := context.Background()
	dsn := newDatabase(t)
	db, err := postgres.OpenNoMigrate(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.MigrationStatus(ctx)
	if err != nil || len(st) == 0 || st[0].Applied {
		t.Fatalf("status before migrating = %+v, %v; want 0001 pending", st, err)
	}
	applied, err := db.Migrate(ctx)
	if err != nil || len(applied) != len(st) {
		t.Fatalf("Migrate = %v, %v", applied, err)
	}
	if applied, err := db.Migrate(ctx); err != nil || len(applied) != 0 {
		t.Errorf("second Migrate = %v, %v; want nothing", applied, err)
	}
	st, err = db.MigrationStatus(ctx)
	if err != nil || !st[0].Applied || st[0].AppliedAt.IsZero() || st[0].Name != "init" {
		t.Errorf("status after migrating = %+v, %v", st, err)
	}
}

// TestNewerSchema: a database migrated by a newer binary is refused at Open.
func TestNewerSchema(t *testing.T) {
	dsn := newDatabase(t)
	mustOpen(t, dsn).Close()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	_, err = postgres.Open(context.Background(), dsn)
	if !errors.Is(err, migrate.ErrUnknownMigration) {
		t.Errorf("Open of a newer database: %v, want ErrUnknownMigration", err)
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct{ name, dsn string }{
		{"empty", ""},
		{"unreachable", "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if db, err := postgres.Open(context.Background(), tt.dsn); err == nil {
				db.Close()
				t.Errorf("Open(%q) succeeded", tt.dsn)
			}
		})
	}
}
