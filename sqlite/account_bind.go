package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// BindEnterprise binds b.UserID to the enterprise b.CreditCode and appends
// ev (its object defaults to the user) in the same transaction. Binding
// again changes nothing and appends nothing; b.BoundAt is then the time of
// the first binding.
func (db *DB) BindEnterprise(ctx context.Context, b *huiqi.EnterpriseBinding, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckBinding(b); err != nil {
		return err
	}
	now := db.clock()
	return db.inWrite(ctx, "bind enterprise "+b.CreditCode, func(tx *sql.Tx) error {
		if err := userExists(ctx, tx, b.UserID); err != nil {
			return err
		}
		var bound string
		err := tx.QueryRowContext(ctx, `SELECT bound_at FROM user_enterprises WHERE user_id = ? AND credit_code = ?`,
			b.UserID, b.CreditCode).Scan(&bound)
		if err == nil {
			b.BoundAt = parseTime(bound)
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_enterprises (user_id, credit_code, name, bound_at, region_code)
			VALUES (?, ?, ?, ?, ?)`, b.UserID, b.CreditCode, b.Name, ts(now), b.RegionCode); err != nil {
			return err
		}
		b.BoundAt = now
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+b.UserID))
	})
}

// Enterprises lists the enterprises bound to a user, in the order bound.
func (db *DB) Enterprises(ctx context.Context, userID string) ([]huiqi.EnterpriseBinding, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+bindingColumns+` FROM user_enterprises
		WHERE user_id = ? ORDER BY bound_at, credit_code`, userID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: enterprises of %s: %w", userID, err)
	}
	out, err := scanBindings(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: enterprises of %s: %w", userID, err)
	}
	return out, nil
}
