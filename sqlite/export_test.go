package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
)

// Pragma returns a pragma's value as both pools see it, or a note when they differ.
func (db *DB) Pragma(ctx context.Context, name string) string {
	var r, w string
	db.read.QueryRowContext(ctx, "PRAGMA "+name).Scan(&r)
	db.write.QueryRowContext(ctx, "PRAGMA "+name).Scan(&w)
	if r != w {
		return fmt.Sprintf("read %q, write %q", r, w)
	}
	return r
}

// OpenRaw opens path with the driver and no configuration, to inspect or
// tamper with a database behind the store's back.
func OpenRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}
