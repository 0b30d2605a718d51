package sqlite_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/migrate"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/storetest"
)

func TestOpenCreatesDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	db, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer db.Close()
	if _, err := os.Stat(filepath.Join(dir, sqlite.FileName)); err != nil {
		t.Errorf("database file not created: %v", err)
	}
	if _, err := sqlite.Open(context.Background(), ""); err == nil {
		t.Errorf("Open(\"\") succeeded")
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	p, raw := storetest.RichPolicy()
	if _, err := db.SavePolicy(ctx, p, raw); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if got, err := db.FindPolicy(ctx, p.ID); err != nil || got.Text != p.Text {
		t.Errorf("FindPolicy after reopen: %v", err)
	}
	if applied, err := db.Migrate(ctx); err != nil || len(applied) != 0 {
		t.Errorf("second Migrate applied %v, %v; want nothing", applied, err)
	}
}

func TestMigrationStatus(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := sqlite.OpenFileNoMigrate(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.MigrationStatus(ctx)
	if err != nil || len(st) == 0 || st[0].Applied {
		t.Fatalf("status before migrating = %+v, %v; want 0001 pending", st, err)
	}
	applied, err := db.Migrate(ctx)
	if err != nil || len(applied) != len(st) || applied[0] != 1 {
		t.Fatalf("Migrate = %v, %v", applied, err)
	}
	st, err = db.MigrationStatus(ctx)
	if err != nil || !st[0].Applied || st[0].AppliedAt.IsZero() || st[0].Name != "init" {
		t.Errorf("status after migrating = %+v, %v", st, err)
	}
}

// TestNewerSchema: a database migrated by a newer binary is refused at Open.
func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := sqlite.OpenFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw := sqlite.OpenRaw(t, path)
	if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = sqlite.OpenFile(ctx, path)
	if !errors.Is(err, migrate.ErrUnknownMigration) {
		t.Errorf("Open of a newer database: %v, want ErrUnknownMigration", err)
	}
}

// TestPragmas: every connection runs in WAL with foreign keys on.
func TestPragmas(t *testing.T) {
	db := mustOpen(t)
	defer db.Close()
	raw := sqlite.OpenRaw(t, db.Path())
	defer raw.Close()
	var mode string
	if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal (persistent)", mode, err)
	}
	if got := db.Pragma(t.Context(), "foreign_keys"); got != "1" {
		t.Errorf("foreign_keys = %q, want 1", got)
	}
	if got := db.Pragma(t.Context(), "busy_timeout"); got != "10000" {
		t.Errorf("busy_timeout = %q, want 10000", got)
	}
}

// TestKilledProcessKeepsCommits saves in a child process that then kills
// itself without closing the database: what SavePolicy committed must be there.
func TestKilledProcessKeepsCommits(t *testing.T) {
	if dir := os.Getenv("HUIQI_TEST_KILL_DIR"); dir != "" {
		db, err := sqlite.Open(context.Background(), dir)
		if err != nil {
			os.Exit(3)
		}
		for i := range 20 {
			p, raw := storetest.Simple(i, "", "")
			if _, err := db.SavePolicy(context.Background(), p, raw); err != nil {
				os.Exit(4)
			}
		}
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledProcessKeepsCommits$")
	cmd.Env = append(os.Environ(), "HUIQI_TEST_KILL_DIR="+dir)
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die by SIGKILL: %v", err)
	}
	db, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, n, err := db.ListPolicies(context.Background(), huiqi.PolicyFilter{}); err != nil || n != 20 {
		t.Errorf("after kill: %d policies, %v; want 20", n, err)
	}
}

// TestConcurrentOpen: stores opening one new file at once (as two processes
// would) all succeed and the schema is applied once.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	const n = 4
	dbs := make([]*sqlite.DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { dbs[i], errs[i] = sqlite.OpenFile(context.Background(), path) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	// Writes through different stores on one file are serialised by SQLite.
	for i, db := range dbs {
		wg.Go(func() {
			p, raw := storetest.Simple(i, "", "")
			_, errs[i] = db.SavePolicy(context.Background(), p, raw)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("save through store %d: %v", i, err)
		}
	}
	if _, total, err := dbs[0].ListPolicies(context.Background(), huiqi.PolicyFilter{}); err != nil || total != n {
		t.Errorf("ListPolicies total = %d, %v; want %d", total, err, n)
	}
}
