package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.AccountStore = (*DB)(nil)

// clock is the store's now as TIMESTAMPTZ keeps it: UTC, microseconds.
func (db *DB) clock() time.Time { return storekit.Micro(db.Now()) }

// inTx runs fn in a transaction and commits it; errors are wrapped with
// what.
func (db *DB) inTx(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: %s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("postgres: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: %s: %w", what, err)
	}
	return nil
}

// violated returns the constraint a unique (23505) or foreign-key (23503)
// violation names, or "".
func violated(err error, code string) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == code {
		return pe.ConstraintName
	}
	return ""
}

// unknownUser turns the foreign-key violation of a missing user into
// ENOTFOUND.
func unknownUser(err error, userID string) error {
	if c := violated(err, "23503"); strings.Contains(c, "user_id") {
		return huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 不存在", userID)
	}
	return err
}
