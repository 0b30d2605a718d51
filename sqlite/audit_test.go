package sqlite_test

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/storetest"
)

func TestAuditLog(t *testing.T) {
	storetest.RunAudit(t, func(t *testing.T) huiqi.AuditLog { return mustOpen(t) })
}

// TestAuditReopen: the log and its chain survive closing the database, and
// appending goes on from the last entry.
func TestAuditReopen(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	storetest.FillAuditLog(t, db)
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.OpenFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
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
	for _, tp := range storetest.AuditTampers {
		t.Run(tp.Name, func(t *testing.T) {
			db := mustOpen(t)
			defer db.Close()
			storetest.FillAuditLog(t, db)
			raw := sqlite.OpenRaw(t, db.Path())
			defer raw.Close()
			if _, err := raw.Exec(tp.SQL); err != nil {
				t.Fatalf("tamper: %v", err)
			}
			storetest.CheckTampered(t, db, tp)
		})
	}
}
