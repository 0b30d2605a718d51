package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

const tokenColumns = `id, user_id, name, hash, created_at, last_used_at, revoked_at`

// CreateToken stores t, sets t.ID (and t.CreatedAt when zero) and appends
// ev (its object defaults to the token) in the same transaction.
func (db *DB) CreateToken(ctx context.Context, t *huiqi.APIToken, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckToken(t); err != nil {
		return err
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = db.Now()
	}
	id, created := storekit.NewID("t_"), storekit.Micro(t.CreatedAt)
	err := db.inWrite(ctx, "create token", func(tx *sql.Tx) error {
		if err := userExists(ctx, tx, t.UserID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM api_tokens WHERE hash = ?`, t.Hash).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return huiqi.Errorf(huiqi.ECONFLICT, "API token hash in use already")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (id, user_id, name, hash, created_at) VALUES (?, ?, ?, ?, ?)`,
			id, t.UserID, t.Name, t.Hash, ts(created)); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "token:"+id))
	})
	if err != nil {
		return err
	}
	t.ID, t.CreatedAt, t.LastUsedAt, t.RevokedAt = id, created, nil, nil
	return nil
}

// FindToken returns the unrevoked token with the hash and records its use
// at now.
func (db *DB) FindToken(ctx context.Context, hash string, now time.Time) (*huiqi.APIToken, error) {
	t, err := scanToken(db.write.QueryRowContext(ctx, `UPDATE api_tokens SET last_used_at = ?
		WHERE hash = ? AND revoked_at IS NULL RETURNING `+tokenColumns, ts(storekit.Micro(now)), hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "API 令牌无效或已撤销")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find token: %w", err)
	}
	return t, nil
}

// ListTokens lists a user's tokens, revoked ones too, oldest first.
func (db *DB) ListTokens(ctx context.Context, userID string) ([]huiqi.APIToken, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE user_id = ?
		ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: tokens of %s: %w", userID, err)
	}
	defer rows.Close()
	out, err := storekit.CollectValues(rows, scanToken)
	if err != nil {
		return nil, fmt.Errorf("sqlite: tokens of %s: %w", userID, err)
	}
	return out, nil
}

// RevokeToken revokes the token id of userID and appends ev (its object
// defaults to the token) in the same transaction; ENOTFOUND when the user
// has no such token. Revoking again changes nothing and appends nothing.
func (db *DB) RevokeToken(ctx context.Context, userID, id string, ev *huiqi.AuditEntry) error {
	now := db.clock()
	return db.inWrite(ctx, "revoke token "+id, func(tx *sql.Tx) error {
		var revoked sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT revoked_at FROM api_tokens WHERE id = ? AND user_id = ?`, id, userID).Scan(&revoked)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return huiqi.Errorf(huiqi.ENOTFOUND, "API 令牌 %q 不存在", id)
		case err != nil || revoked.Valid:
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, ts(now), id); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "token:"+id))
	})
}

func scanToken(r interface{ Scan(...any) error }) (*huiqi.APIToken, error) {
	var t huiqi.APIToken
	var created string
	var used, revoked sql.NullString
	if err := r.Scan(&t.ID, &t.UserID, &t.Name, &t.Hash, &created, &used, &revoked); err != nil {
		return nil, err
	}
	t.CreatedAt, t.LastUsedAt, t.RevokedAt = parseTime(created), optTime(used), optTime(revoked)
	return &t, nil
}

func optTime(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t := parseTime(s.String)
	return &t
}
