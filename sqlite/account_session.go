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
	return db.inWrite(ctx, "create session", func(tx *sql.Tx) error {
		if err := userExists(ctx, tx, s.UserID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE id_hash = ?`, s.IDHash).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return huiqi.Errorf(huiqi.ECONFLICT, "session exists already")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (id_hash, user_id, created_at, expires_at, ip, user_agent)
			VALUES (?, ?, ?, ?, ?, ?)`, s.IDHash, s.UserID, ts(s.CreatedAt), ts(s.ExpiresAt), s.IP, s.UserAgent)
		return err
	})
}

// FindSession returns the live session with the hash at now; ENOTFOUND
// for an unknown or expired one.
func (db *DB) FindSession(ctx context.Context, idHash string, now time.Time) (*huiqi.Session, error) {
	s := &huiqi.Session{IDHash: idHash}
	var created, expires string
	err := db.read.QueryRowContext(ctx, `SELECT user_id, created_at, expires_at, ip, user_agent FROM sessions
		WHERE id_hash = ? AND expires_at > ?`, idHash, ts(now)).Scan(&s.UserID, &created, &expires, &s.IP, &s.UserAgent)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "登录已失效")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find session: %w", err)
	}
	s.CreatedAt, s.ExpiresAt = parseTime(created), parseTime(expires)
	return s, nil
}

// DeleteSession ends the session with the hash; ending an ended one does
// nothing.
func (db *DB) DeleteSession(ctx context.Context, idHash string) error {
	if _, err := db.write.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = ?`, idHash); err != nil {
		return fmt.Errorf("sqlite: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of a user and says how many ended.
func (db *DB) DeleteUserSessions(ctx context.Context, userID string) (int, error) {
	res, err := db.write.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	if err != nil {
		return 0, fmt.Errorf("sqlite: delete sessions of %s: %w", userID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("sqlite: delete sessions of %s: %w", userID, err)
	}
	return int(n), nil
}
