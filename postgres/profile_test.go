package postgres_test

import (
	"database/sql"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/storetest"
)

// TestProfileStore runs the profile suite in one database, emptied before
// each case.
func TestProfileStore(t *testing.T) {
	dsn := newDatabase(t)
	storetest.RunProfiles(t, func(t *testing.T) huiqi.ProfileStore {
		db := mustOpen(t, dsn)
		sdb, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer sdb.Close()
		if _, err := sdb.Exec(`TRUNCATE profiles CASCADE`); err != nil {
			t.Fatalf("truncate: %v", err)
		}
		return db
	})
}
