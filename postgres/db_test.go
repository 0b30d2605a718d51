package postgres_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/storetest"
)

// newDatabase is a throwaway database for one test (see pgtest).
func newDatabase(tb testing.TB) string { return pgtest.NewDatabase(tb) }

func mustOpen(tb testing.TB, dsn string) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return db
}

// TestPolicyStore runs the suite in one database, emptied before each case.
func TestPolicyStore(t *testing.T) {
	dsn := newDatabase(t)
	storetest.Run(t, func(t *testing.T) huiqi.PolicyStore {
		db := mustOpen(t, dsn)
		truncate(t, dsn)
		return db
	})
}

func truncate(tb testing.TB, dsn string) {
	tb.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`TRUNCATE policies, files CASCADE`); err != nil {
		tb.Fatalf("truncate: %v", err)
	}
}

func BenchmarkSavePolicy(b *testing.B) {
	dsn := newDatabase(b)
	storetest.Bench(b, func(b *testing.B) huiqi.PolicyStore {
		db := mustOpen(b, dsn)
		truncate(b, dsn)
		return db
	})
}
