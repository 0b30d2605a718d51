package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/storetest"
)

// adminDSN reaches the test server with rights to create databases.
func adminDSN() string {
	if dsn := os.Getenv("HUIQI_TEST_POSTGRES"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// newDatabase creates an empty database huiqi_test_<random>, dropped when the
// test ends, and returns its DSN. Without a server the test is skipped, but
// under CI=true it fails: CI must run against PostgreSQL.
func newDatabase(tb testing.TB) string {
	tb.Helper()
	admin, err := sql.Open("pgx", adminDSN())
	if err == nil {
		err = admin.PingContext(context.Background())
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL unreachable at %s: %v", adminDSN(), err)
		}
		tb.Skipf("PostgreSQL unreachable at %s (set HUIQI_TEST_POSTGRES): %v", adminDSN(), err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "huiqi_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` ENCODING 'UTF8' TEMPLATE template0`); err != nil {
		admin.Close()
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	return withDatabase(tb, adminDSN(), name)
}

// withDatabase points a URL or key=value DSN at another database.
func withDatabase(tb testing.TB, dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			tb.Fatalf("HUIQI_TEST_POSTGRES: %v", err)
		}
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name
}

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
