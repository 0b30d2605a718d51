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

// CreateSession stores s (s.CreatedAt is now when zero); ENOTFOUND for an
// unknown user, ECONFLICT for a hash already in use.
func (db *DB) CreateSession(ctx context.Context, s *huiqi.Session) error {
	if err := storekit.CheckSession(s); err != nil {
		return err
	}
	if s.CreatedAt.IsZero() {
		s.CreatedAt = db.Now()
	}
	s.CreatedAt, s.ExpiresAt = storekit.Micro(s.CreatedAt), storekit.Micro(s.ExpiresAt)
	_, err := db.db.ExecContext(ctx, `INSERT INTO sessions (id_hash, user_id, created_at, expires_at, ip, user_agent)
		VALUES ($1, $2, $3, $4, $5, $6)`, s.IDHash, s.UserID, s.CreatedAt, s.ExpiresAt, s.IP, s.UserAgent)
	if violated(err, "23505") != "" {
		err = huiqi.Errorf(huiqi.ECONFLICT, "session exists already")
	}
	if err != nil {
		return fmt.Errorf("postgres: create session: %w", unknownUser(err, s.UserID))
	}
	return nil
}

// FindSession returns the live session with the hash at now; ENOTFOUND
// for an unknown or expired one.
func (db *DB) FindSession(ctx context.Context, idHash string, now time.Time) (*huiqi.Session, error) {
	s := &huiqi.Session{IDHash: idHash}
	err := db.db.QueryRowContext(ctx, `SELECT user_id, created_at, expires_at, ip, user_agent FROM sessions
		WHERE id_hash = $1 AND expires_at > $2`, idHash, now).Scan(&s.UserID, &s.CreatedAt, &s.ExpiresAt, &s.IP, &s.UserAgent)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "登录已失效")
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find session: %w", err)
	}
	s.CreatedAt, s.ExpiresAt = s.CreatedAt.UTC(), s.ExpiresAt.UTC()
	return s, nil
}

// DeleteSession ends the session with the hash; ending an ended one does
// nothing.
func (db *DB) DeleteSession(ctx context.Context, idHash string) error {
	if _, err := db.db.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = $1`, idHash); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of a user and says how many ended.
func (db *DB) DeleteUserSessions(ctx context.Context, userID string) (int, error) {
	res, err := db.db.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	if err != nil {
		return 0, fmt.Errorf("postgres: delete sessions of %s: %w", userID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("postgres: delete sessions of %s: %w", userID, err)
	}
	return int(n), nil
}
