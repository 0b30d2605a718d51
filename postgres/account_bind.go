package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

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
	return db.inTx(ctx, "bind enterprise "+b.CreditCode, func(tx *sql.Tx) error {
		var bound time.Time
		err := tx.QueryRowContext(ctx, `INSERT INTO user_enterprises (user_id, credit_code, name, bound_at, region_code)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING bound_at`, b.UserID, b.CreditCode, b.Name, now, b.RegionCode).Scan(&bound)
		if errors.Is(err, sql.ErrNoRows) { // bound before
			err = tx.QueryRowContext(ctx, `SELECT bound_at FROM user_enterprises WHERE user_id = $1 AND credit_code = $2`,
				b.UserID, b.CreditCode).Scan(&bound)
			b.BoundAt = bound.UTC()
			return err
		} else if err != nil {
			return unknownUser(err, b.UserID)
		}
		b.BoundAt = now
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+b.UserID))
	})
}

// Enterprises lists the enterprises bound to a user, in the order bound.
func (db *DB) Enterprises(ctx context.Context, userID string) ([]huiqi.EnterpriseBinding, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+bindingColumns+` FROM user_enterprises
		WHERE user_id = $1 ORDER BY bound_at, credit_code`, userID)
	if err != nil {
		return nil, fmt.Errorf("postgres: enterprises of %s: %w", userID, err)
	}
	out, err := scanBindings(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: enterprises of %s: %w", userID, err)
	}
	return out, nil
}
