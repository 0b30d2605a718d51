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
	err := db.inTx(ctx, "create token", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (id, user_id, name, hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
			id, t.UserID, t.Name, t.Hash, created)
		if violated(err, "23505") != "" {
			return huiqi.Errorf(huiqi.ECONFLICT, "API token hash in use already")
		} else if err != nil {
			return unknownUser(err, t.UserID)
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
	t, err := scanToken(db.db.QueryRowContext(ctx, `UPDATE api_tokens SET last_used_at = $1
		WHERE hash = $2 AND revoked_at IS NULL RETURNING `+tokenColumns, storekit.Micro(now), hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "API 令牌无效或已撤销")
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find token: %w", err)
	}
	return t, nil
}

// ListTokens lists a user's tokens, revoked ones too, oldest first.
func (db *DB) ListTokens(ctx context.Context, userID string) ([]huiqi.APIToken, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE user_id = $1
		ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("postgres: tokens of %s: %w", userID, err)
	}
	defer rows.Close()
	out, err := storekit.CollectValues(rows, scanToken)
	if err != nil {
		return nil, fmt.Errorf("postgres: tokens of %s: %w", userID, err)
	}
	return out, nil
}

// RevokeToken revokes the token id of userID and appends ev (its object
// defaults to the token) in the same transaction; ENOTFOUND when the user
// has no such token. Revoking again changes nothing and appends nothing.
func (db *DB) RevokeToken(ctx context.Context, userID, id string, ev *huiqi.AuditEntry) error {
	now := db.clock()
	return db.inTx(ctx, "revoke token "+id, func(tx *sql.Tx) error {
		var revoked sql.NullTime
		err := tx.QueryRowContext(ctx, `SELECT revoked_at FROM api_tokens WHERE id = $1 AND user_id = $2 FOR UPDATE`,
			id, userID).Scan(&revoked)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return huiqi.Errorf(huiqi.ENOTFOUND, "API 令牌 %q 不存在", id)
		case err != nil || revoked.Valid:
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2`, now, id); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "token:"+id))
	})
}

func scanToken(r interface{ Scan(...any) error }) (*huiqi.APIToken, error) {
	var t huiqi.APIToken
	var used, revoked sql.NullTime
	if err := r.Scan(&t.ID, &t.UserID, &t.Name, &t.Hash, &t.CreatedAt, &used, &revoked); err != nil {
		return nil, err
	}
	t.CreatedAt, t.LastUsedAt, t.RevokedAt = t.CreatedAt.UTC(), optTime(used), optTime(revoked)
	return &t, nil
}

func optTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
