package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// bindingColumns are the columns scanBindings reads, in its order.
const bindingColumns = `user_id, credit_code, name, bound_at, region_code, verified, verified_by, verified_at`

// scanBindings reads the rows of bindingColumns and closes them.
func scanBindings(rows *sql.Rows) ([]huiqi.EnterpriseBinding, error) {
	defer rows.Close()
	out := []huiqi.EnterpriseBinding{}
	for rows.Next() {
		var b huiqi.EnterpriseBinding
		var at sql.NullTime
		if err := rows.Scan(&b.UserID, &b.CreditCode, &b.Name, &b.BoundAt, &b.RegionCode, &b.Verified, &b.VerifiedBy, &at); err != nil {
			return nil, err
		}
		b.BoundAt = b.BoundAt.UTC()
		if at.Valid {
			t := at.Time.UTC()
			b.VerifiedAt = &t
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// VerifyBinding verifies the claim of userID to the enterprise creditCode
// by ev.Actor at now and appends ev (its object defaults to the user) in
// the same transaction; ENOTFOUND when there is no such claim. Verifying
// again changes nothing and appends nothing.
func (db *DB) VerifyBinding(ctx context.Context, userID, creditCode string, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckVerifier(ev); err != nil {
		return err
	}
	now := db.clock()
	return db.inTx(ctx, "verify binding "+creditCode, func(tx *sql.Tx) error {
		var verified bool
		err := tx.QueryRowContext(ctx, `SELECT verified FROM user_enterprises WHERE user_id = $1 AND credit_code = $2 FOR UPDATE`,
			userID, creditCode).Scan(&verified)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 没有绑定统一社会信用代码为 %q 的企业", userID, creditCode)
		case err != nil:
			return err
		case verified:
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE user_enterprises SET verified = true, verified_by = $1, verified_at = $2
			WHERE user_id = $3 AND credit_code = $4`, ev.Actor, now, userID, creditCode); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+userID))
	})
}

// PendingBindings lists the unverified claims of enterprises registered
// in regions with one of the prefixes (every region when none), oldest
// first, at most limit (100 when not positive).
func (db *DB) PendingBindings(ctx context.Context, regionPrefixes []string, limit int) ([]huiqi.EnterpriseBinding, error) {
	patterns, err := storekit.RegionPatterns(regionPrefixes, regionLike)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100
	}
	where, args := "NOT verified", []any{}
	if len(patterns) > 0 {
		likes := make([]string, len(patterns))
		for i, p := range patterns {
			args = append(args, p)
			likes[i] = "region_code LIKE $" + strconv.Itoa(len(args))
		}
		where += " AND (" + strings.Join(likes, " OR ") + ")"
	}
	args = append(args, limit)
	rows, err := db.db.QueryContext(ctx, `SELECT `+bindingColumns+` FROM user_enterprises WHERE `+where+`
		ORDER BY bound_at, user_id, credit_code LIMIT $`+strconv.Itoa(len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: pending bindings: %w", err)
	}
	out, err := scanBindings(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: pending bindings: %w", err)
	}
	return out, nil
}
