package postgres_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

// TestAccountStore runs the account suite in one database, emptied before
// each case.
func TestAccountStore(t *testing.T) {
	dsn := newDatabase(t)
	storetest.RunAccounts(t, func(t *testing.T) storetest.Accounts {
		db := mustOpen(t, dsn)
		emptyTables(t, dsn, "users, sms_codes, sms_outbox, audit_log")
		return db
	})
}
