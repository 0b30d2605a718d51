package postgres_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

// TestApplicationStore runs the application suite in one database, its
// applications emptied before each case (the audit log goes on growing and
// must verify throughout).
func TestApplicationStore(t *testing.T) {
	dsn := newDatabase(t)
	storetest.RunApplications(t, func(t *testing.T) storetest.AuditedApplications {
		db := mustOpen(t, dsn)
		emptyTables(t, dsn, "applications")
		return db
	})
}
