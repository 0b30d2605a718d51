package postgres_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

// TestConsultStore runs the consultation suite in one database, its
// threads and notifications emptied before each case (the audit log goes
// on growing and must verify throughout).
func TestConsultStore(t *testing.T) {
	dsn := newDatabase(t)
	storetest.RunConsult(t, func(t *testing.T) storetest.AuditedConsult {
		db := mustOpen(t, dsn)
		emptyTables(t, dsn, "threads, notifications")
		return db
	})
}
