package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.AccountStore = (*DB)(nil)

// clock is the store's now as every table keeps it: UTC, microseconds.
func (db *DB) clock() time.Time { return storekit.Micro(db.Now()) }

func ts(t time.Time) string { return t.UTC().Format(timeFormat) }

// inWrite runs fn in a write transaction and commits it; errors are wrapped
// with what.
func (db *DB) inWrite(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return nil
}

// userExists fails with ENOTFOUND unless the user id exists.
func userExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 不存在", id)
	}
	return nil
}
