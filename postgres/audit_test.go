package postgres_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/storetest"
)

// emptyTables empties the tables of the account and audit suites.
func emptyTables(t *testing.T, dsn string, tables string) {
	t.Helper()
	sdb, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	if _, err := sdb.Exec(`TRUNCATE ` + tables + ` CASCADE`); err != nil {
		t.Fatalf("truncate %s: %v", tables, err)
	}
}

// TestAuditLog runs the audit suite in one database, emptied before each
// case.
func TestAuditLog(t *testing.T) {
	dsn := newDatabase(t)
	storetest.RunAudit(t, func(t *testing.T) huiqi.AuditLog {
		db := mustOpen(t, dsn)
		emptyTables(t, dsn, "audit_log")
		return db
	})
}

// TestAuditReopen: the log and its chain survive a new connection pool, and
// appending goes on from the last entry.
func TestAuditReopen(t *testing.T) {
	ctx := context.Background()
	dsn := newDatabase(t)
	db := mustOpen(t, dsn)
	storetest.FillAuditLog(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, dsn)
	defer db.Close()
	e := &huiqi.AuditEntry{Actor: "system", Action: "test.reopen", Object: "db"}
	if err := db.AppendAudit(ctx, e); err != nil {
		t.Fatal(err)
	}
	v, err := storetest.VerifyAudit(ctx, db)
	if err != nil || v.Count() != storetest.AuditTamperEntries+1 || v.Last().Hash != e.Hash {
		t.Errorf("after reopening: %d entries, last %v, %v", v.Count(), v.Last(), err)
	}
}

// TestAuditTamper: a change to audit_log made behind the store's back is
// named by the verifier.
func TestAuditTamper(t *testing.T) {
	dsn := newDatabase(t)
	db := mustOpen(t, dsn)
	defer db.Close()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, tp := range storetest.AuditTampers {
		t.Run(tp.Name, func(t *testing.T) {
			emptyTables(t, dsn, "audit_log")
			storetest.FillAuditLog(t, db)
			if _, err := raw.Exec(tp.SQL); err != nil {
				t.Fatalf("tamper: %v", err)
			}
			storetest.CheckTampered(t, db, tp)
		})
	}
}
