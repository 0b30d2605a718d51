package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.ProfileStore = (*DB)(nil)

// SaveProfile stores p under p.Key as a new version, unless it equals the
// latest one.
func (db *DB) SaveProfile(ctx context.Context, p *huiqi.SavedProfile) error {
	body, err := storekit.EncodeProfile(p)
	if err != nil {
		return err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save profile %s: %w", p.Key, err)
	}
	defer tx.Rollback()
	var latest int
	var draft bool
	var last, saved string
	err = tx.QueryRowContext(ctx, `SELECT v.version, v.draft, v.body, v.saved_at FROM profiles p
		JOIN profile_versions v ON v.key = p.key AND v.version = p.latest_version
		WHERE p.key = ?`, p.Key).Scan(&latest, &draft, &last, &saved)
	switch {
	case err == nil && last == string(body) && draft == p.Draft:
		p.Version, p.SavedAt = latest, parseTime(saved)
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("sqlite: save profile %s: %w", p.Key, err)
	}
	now := db.now()
	if latest == 0 {
		_, err = tx.ExecContext(ctx, `INSERT INTO profiles (key, latest_version, created_at, updated_at) VALUES (?, 1, ?, ?)`, p.Key, now, now)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE profiles SET latest_version = ?, updated_at = ? WHERE key = ?`, latest+1, now, p.Key)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `INSERT INTO profile_versions (key, version, draft, body, saved_at) VALUES (?, ?, ?, ?, ?)`,
			p.Key, latest+1, p.Draft, string(body), now)
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return fmt.Errorf("sqlite: save profile %s: %w", p.Key, err)
	}
	p.Version, p.SavedAt = latest+1, parseTime(now)
	return nil
}

// FindProfile returns the latest version saved under key.
func (db *DB) FindProfile(ctx context.Context, key string) (*huiqi.SavedProfile, error) {
	if err := huiqi.CheckProfileKey(key); err != nil {
		return nil, err
	}
	p := &huiqi.SavedProfile{Key: key}
	var body, saved string
	err := db.read.QueryRowContext(ctx, `SELECT v.version, v.draft, v.body, v.saved_at FROM profiles p
		JOIN profile_versions v ON v.key = p.key AND v.version = p.latest_version
		WHERE p.key = ?`, key).Scan(&p.Version, &p.Draft, &body, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "profile %q not found", key)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find profile %s: %w", key, err)
	}
	p.SavedAt = parseTime(saved)
	if err := storekit.DecodeProfile([]byte(body), p); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return p, nil
}

// ProfileVersions lists the versions saved under key, oldest first.
func (db *DB) ProfileVersions(ctx context.Context, key string) ([]huiqi.ProfileVersion, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT version, draft, saved_at FROM profile_versions WHERE key = ? ORDER BY version`, key)
	if err != nil {
		return nil, fmt.Errorf("sqlite: profile versions of %s: %w", key, err)
	}
	defer rows.Close()
	var out []huiqi.ProfileVersion
	for rows.Next() {
		var v huiqi.ProfileVersion
		var saved string
		if err := rows.Scan(&v.Version, &v.Draft, &saved); err != nil {
			return nil, fmt.Errorf("sqlite: profile versions of %s: %w", key, err)
		}
		v.SavedAt = parseTime(saved)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: profile versions of %s: %w", key, err)
	}
	if len(out) == 0 {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "profile %q not found", key)
	}
	return out, nil
}

// DeleteProfile removes every version saved under key.
func (db *DB) DeleteProfile(ctx context.Context, key string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM profiles WHERE key = ?`, key)
	if err != nil {
		return fmt.Errorf("sqlite: delete profile %s: %w", key, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "profile %q not found", key)
	}
	return nil
}
