package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create the test database
)

// newPostgres creates an empty database for one test, dropped at its end, and
// returns its URL. Without a server the test is skipped, but under CI=true it
// fails: CI runs against PostgreSQL.
func newPostgres(t *testing.T) string {
	t.Helper()
	admin := os.Getenv("HUIQI_TEST_POSTGRES")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	db, err := sql.Open("pgx", admin)
	if err == nil {
		err = db.PingContext(context.Background())
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL unreachable at %s: %v", admin, err)
		}
		t.Skipf("PostgreSQL unreachable at %s (set HUIQI_TEST_POSTGRES): %v", admin, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "huiqi_cli_" + hex.EncodeToString(b)
	if _, err := db.Exec(`CREATE DATABASE ` + name + ` ENCODING 'UTF8' TEMPLATE template0`); err != nil {
		db.Close()
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil || !strings.HasPrefix(admin, "postgres") {
		t.Fatalf("HUIQI_TEST_POSTGRES must be a postgres:// URL: %q", admin)
	}
	u.Path = "/" + name
	return u.String()
}

// The CLI works the same on a PostgreSQL server as on the data directory.
func TestPostgres(t *testing.T) {
	t.Parallel()
	dsn := newPostgres(t)
	r := must(t, exitOK, "migrate", "--db", dsn, "status")
	if !strings.Contains(r.stdout, "pending") {
		t.Errorf("migrate status before migrating: %s", r.stdout)
	}
	must(t, exitOK, "migrate", "--db", dsn)
	r = must(t, exitOK, "ingest", "--db", dsn, "testdata/docs")
	if !strings.Contains(r.stdout, "3 created, 0 new versions, 0 unchanged, 0 failed") {
		t.Fatalf("ingest: %s", r.stdout)
	}
	r = must(t, exitOK, "policies", "--db", dsn)
	list := ids(r.stdout)
	if len(list) != 3 {
		t.Fatalf("policies: %s", r.stdout)
	}
	must(t, exitOK, "show", "--db", dsn, list[0])
	must(t, exitFail, "show", "--db", dsn, "0123456789ab")
	r = must(t, exitOK, "ingest", "--db", dsn, "testdata/docs")
	if !strings.Contains(r.stdout, "0 created, 0 new versions, 3 unchanged") {
		t.Errorf("re-ingest: %s", r.stdout)
	}
	r = must(t, exitFail, "policies", "--db", "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if strings.Contains(r.stderr, "secret") {
		t.Errorf("a password was printed: %s", r.stderr)
	}
}
