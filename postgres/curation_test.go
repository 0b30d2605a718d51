package postgres_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

// TestCurationStore runs the curation suite in one database, emptied
// before each case (the audit log goes on growing and must verify
// throughout).
func TestCurationStore(t *testing.T) {
	dsn := newDatabase(t)
	storetest.RunCuration(t, func(t *testing.T) storetest.AuditedCuration {
		db := mustOpen(t, dsn)
		truncate(t, dsn)
		return db
	})
}
