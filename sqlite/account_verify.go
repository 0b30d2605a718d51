package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
		var bound string
		var at sql.NullString
		if err := rows.Scan(&b.UserID, &b.CreditCode, &b.Name, &bound, &b.RegionCode, &b.Verified, &b.VerifiedBy, &at); err != nil {
			return nil, err
		}
		b.BoundAt = parseTime(bound)
		if at.Valid {
			t := parseTime(at.String)
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
	return db.inWrite(ctx, "verify binding "+creditCode, func(tx *sql.Tx) error {
		var verified bool
		err := tx.QueryRowContext(ctx, `SELECT verified FROM user_enterprises WHERE user_id = ? AND credit_code = ?`,
			userID, creditCode).Scan(&verified)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 没有绑定统一社会信用代码为 %q 的企业", userID, creditCode)
		case err != nil:
			return err
		case verified:
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE user_enterprises SET verified = 1, verified_by = ?, verified_at = ?
			WHERE user_id = ? AND credit_code = ?`, ev.Actor, ts(now), userID, creditCode); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+userID))
	})
}

// PendingBindings lists the unverified claims of enterprises registered
// in regions with one of the prefixes (every region when none), oldest
// first, at most limit (100 when not positive).
func (db *DB) PendingBindings(ctx context.Context, regionPrefixes []string, limit int) ([]huiqi.EnterpriseBinding, error) {
	globs, err := storekit.RegionPatterns(regionPrefixes, regionGlob)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100
	}
	where, args := "verified = 0", []any{}
	if len(globs) > 0 {
		where += " AND (" + strings.TrimSuffix(strings.Repeat("region_code GLOB ? OR ", len(globs)), " OR ") + ")"
		for _, g := range globs {
			args = append(args, g)
		}
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+bindingColumns+` FROM user_enterprises WHERE `+where+`
		ORDER BY bound_at, user_id, credit_code LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pending bindings: %w", err)
	}
	out, err := scanBindings(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pending bindings: %w", err)
	}
	return out, nil
}
