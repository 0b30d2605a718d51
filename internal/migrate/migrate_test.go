package migrate_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/huiqi-dev/huiqi/internal/migrate"
	_ "modernc.org/sqlite"
)

var dialect = migrate.Dialect{Insert: `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`}

func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func load(t *testing.T, files map[string]string) []migrate.Migration {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, sql := range files {
		fsys["m/"+name] = &fstest.MapFile{Data: []byte(sql)}
	}
	ms, err := migrate.Load(fsys, "m")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return ms
}

func TestLoadRejectsBadNames(t *testing.T) {
	tests := []struct {
		name  string
		files []string
	}{
		{"no number", []string{"init.sql"}},
		{"no name", []string{"0001_.sql"}},
		{"zero", []string{"0000_init.sql"}},
		{"duplicate version", []string{"0001_a.sql", "1_b.sql"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys["m/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			if _, err := migrate.Load(fsys, "m"); err == nil {
				t.Errorf("Load(%v) succeeded", tt.files)
			}
		})
	}
}

func TestUpAppliesInOrderOnce(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	ms := load(t, map[string]string{
		"0002_more.sql": "ALTER TABLE a ADD COLUMN y INTEGER;",
		"0001_init.sql": "CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER);",
		"README.md":     "not a migration",
	})
	if len(ms) != 2 || ms[0].Version != 1 || ms[1].Name != "more" {
		t.Fatalf("Load = %+v", ms)
	}
	done, err := migrate.Up(ctx, db, dialect, ms)
	if err != nil || len(done) != 2 {
		t.Fatalf("Up = %v, %v; want [1 2]", done, err)
	}
	if _, err := db.Exec(`INSERT INTO a (x, y) VALUES (1, 2); INSERT INTO b VALUES (1)`); err != nil {
		t.Errorf("schema not applied: %v", err)
	}
	done, err = migrate.Up(ctx, db, dialect, ms)
	if err != nil || len(done) != 0 {
		t.Errorf("second Up = %v, %v; want nothing", done, err)
	}
}

// TestFailedMigrationRollsBack: a failing migration leaves no trace and the
// ones before it stay applied.
func TestFailedMigrationRollsBack(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	ms := load(t, map[string]string{
		"0001_init.sql":   "CREATE TABLE a (x INTEGER);",
		"0002_broken.sql": "CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (1);",
	})
	done, err := migrate.Up(ctx, db, dialect, ms)
	if err == nil || len(done) != 1 {
		t.Fatalf("Up = %v, %v; want [1] and an error", done, err)
	}
	if _, err := db.Exec(`SELECT * FROM c`); err == nil {
		t.Errorf("table c of the failed migration exists")
	}
	st, err := migrate.Status(ctx, db, dialect, ms)
	if err != nil || !st[0].Applied || st[1].Applied {
		t.Errorf("Status = %+v, %v; want 1 applied, 2 pending", st, err)
	}
}

func TestUnknownMigration(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	two := load(t, map[string]string{"0001_a.sql": "SELECT 1;", "0002_b.sql": "SELECT 1;"})
	if _, err := migrate.Up(ctx, db, dialect, two); err != nil {
		t.Fatal(err)
	}
	_, err := migrate.Up(ctx, db, dialect, two[:1])
	if !errors.Is(err, migrate.ErrUnknownMigration) {
		t.Errorf("Up with an older binary: %v, want ErrUnknownMigration", err)
	}
}
