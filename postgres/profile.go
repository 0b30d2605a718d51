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

var _ huiqi.ProfileStore = (*DB)(nil)

// SaveProfile stores p under p.Key as a new version, unless it equals the
// latest one. The profile's row is created first (latest_version 0 only
// inside this transaction) and locked, so concurrent saves under one key
// take turns and number their versions without gaps.
func (db *DB) SaveProfile(ctx context.Context, p *huiqi.SavedProfile) error {
	body, err := storekit.EncodeProfile(p)
	if err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: save profile %s: %w", p.Key, err)
	}
	defer tx.Rollback()
	now := db.now().Truncate(time.Microsecond) // what TIMESTAMPTZ keeps
	var latest int
	_, err = tx.ExecContext(ctx, `INSERT INTO profiles (key, latest_version, created_at, updated_at) VALUES ($1, 0, $2, $2)
		ON CONFLICT (key) DO NOTHING`, p.Key, now)
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT latest_version FROM profiles WHERE key = $1 FOR UPDATE`, p.Key).Scan(&latest)
	}
	if err != nil {
		return fmt.Errorf("postgres: save profile %s: %w", p.Key, err)
	}
	if latest > 0 {
		var draft bool
		var last string
		var saved time.Time
		err := tx.QueryRowContext(ctx, `SELECT draft, body, saved_at FROM profile_versions WHERE key = $1 AND version = $2`,
			p.Key, latest).Scan(&draft, &last, &saved)
		if err != nil {
			return fmt.Errorf("postgres: save profile %s: %w", p.Key, err)
		}
		if last == string(body) && draft == p.Draft {
			p.Version, p.SavedAt = latest, saved.UTC()
			return nil
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE profiles SET latest_version = $1, updated_at = $2 WHERE key = $3`, latest+1, now, p.Key)
	if err == nil {
		_, err = tx.ExecContext(ctx, `INSERT INTO profile_versions (key, version, draft, body, saved_at) VALUES ($1, $2, $3, $4, $5)`,
			p.Key, latest+1, p.Draft, string(body), now)
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return fmt.Errorf("postgres: save profile %s: %w", p.Key, err)
	}
	p.Version, p.SavedAt = latest+1, now
	return nil
}

// FindProfile returns the latest version saved under key.
func (db *DB) FindProfile(ctx context.Context, key string) (*huiqi.SavedProfile, error) {
	if err := huiqi.CheckProfileKey(key); err != nil {
		return nil, err
	}
	p := &huiqi.SavedProfile{Key: key}
	var body string
	var saved time.Time
	err := db.db.QueryRowContext(ctx, `SELECT v.version, v.draft, v.body, v.saved_at FROM profiles p
		JOIN profile_versions v ON v.key = p.key AND v.version = p.latest_version
		WHERE p.key = $1`, key).Scan(&p.Version, &p.Draft, &body, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "profile %q not found", key)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find profile %s: %w", key, err)
	}
	p.SavedAt = saved.UTC()
	if err := storekit.DecodeProfile([]byte(body), p); err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return p, nil
}

// ProfileVersions lists the versions saved under key, oldest first.
func (db *DB) ProfileVersions(ctx context.Context, key string) ([]huiqi.ProfileVersion, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT version, draft, saved_at FROM profile_versions WHERE key = $1 ORDER BY version`, key)
	if err != nil {
		return nil, fmt.Errorf("postgres: profile versions of %s: %w", key, err)
	}
	defer rows.Close()
	var out []huiqi.ProfileVersion
	for rows.Next() {
		var v huiqi.ProfileVersion
		if err := rows.Scan(&v.Version, &v.Draft, &v.SavedAt); err != nil {
			return nil, fmt.Errorf("postgres: profile versions of %s: %w", key, err)
		}
		v.SavedAt = v.SavedAt.UTC()
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: profile versions of %s: %w", key, err)
	}
	if len(out) == 0 {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "profile %q not found", key)
	}
	return out, nil
}

// DeleteProfile removes every version saved under key.
func (db *DB) DeleteProfile(ctx context.Context, key string) error {
	res, err := db.db.ExecContext(ctx, `DELETE FROM profiles WHERE key = $1`, key)
	if err != nil {
		return fmt.Errorf("postgres: delete profile %s: %w", key, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "profile %q not found", key)
	}
	return nil
}
