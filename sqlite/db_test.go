package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/storetest"
)

// mustOpen opens a new database in a fresh temporary data directory.
func mustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "data"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return db
}

func TestPolicyStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) huiqi.PolicyStore { return mustOpen(t) })
}

func BenchmarkSavePolicy(b *testing.B) {
	storetest.Bench(b, func(b *testing.B) huiqi.PolicyStore { return mustOpen(b) })
}
