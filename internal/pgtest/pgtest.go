// Package pgtest gives tests a throwaway PostgreSQL database on the server at
// 127.0.0.1:5432 (or HUIQI_TEST_POSTGRES), created per test and dropped at its end.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create and drop databases
)

// AdminDSN reaches the test server with rights to create databases.
func AdminDSN() string {
	if dsn := os.Getenv("HUIQI_TEST_POSTGRES"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// NewDatabase creates an empty database huiqi_test_<random>, dropped when the
// test ends, and returns its DSN. Without a server the test is skipped, but
// under CI=true it fails: CI must run against PostgreSQL.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	admin, err := sql.Open("pgx", AdminDSN())
	if err == nil {
		err = admin.PingContext(context.Background())
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL unreachable at %s: %v", AdminDSN(), err)
		}
		tb.Skipf("PostgreSQL unreachable at %s (set HUIQI_TEST_POSTGRES): %v", AdminDSN(), err)
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
	return WithDatabase(tb, AdminDSN(), name)
}

// WithDatabase points a URL or key=value DSN at another database.
func WithDatabase(tb testing.TB, dsn, name string) string {
	tb.Helper()
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
