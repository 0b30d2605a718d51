package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// FindPolicy returns the latest version of policy id exactly as it was saved.
func (db *DB) FindPolicy(ctx context.Context, id string) (*huiqi.Policy, error) {
	var doc string
	err := db.read.QueryRowContext(ctx, `SELECT v.doc FROM policies p
		JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.latest_version
		WHERE p.id = ?`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find policy %s: %w", id, err)
	}
	return storekit.DecodePolicy([]byte(doc))
}

// FindPolicyVersion returns one version of policy id.
func (db *DB) FindPolicyVersion(ctx context.Context, id string, version int) (*huiqi.Policy, error) {
	var doc string
	err := db.read.QueryRowContext(ctx, `SELECT doc FROM policy_versions
		WHERE policy_id = ? AND version = ?`, id, version).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q version %d not found", id, version)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find policy %s version %d: %w", id, version, err)
	}
	return storekit.DecodePolicy([]byte(doc))
}

// ListVersions returns the versions of policy id, oldest first.
func (db *DB) ListVersions(ctx context.Context, id string) ([]huiqi.VersionInfo, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT v.version, v.title, coalesce(v.file_sha256, ''), v.file_name,
		v.created_at, coalesce(c.curated_by, ''), coalesce(c.note, '')
		FROM policy_versions v LEFT JOIN policy_curations c ON c.policy_id = v.policy_id AND c.version = v.version
		WHERE v.policy_id = ? ORDER BY v.version`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list versions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []huiqi.VersionInfo
	for rows.Next() {
		var v huiqi.VersionInfo
		var created string
		if err := rows.Scan(&v.Version, &v.Title, &v.SHA256, &v.FileName, &created, &v.CuratedBy, &v.Note); err != nil {
			return nil, fmt.Errorf("sqlite: list versions of %s: %w", id, err)
		}
		v.CreatedAt = parseTime(created)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list versions of %s: %w", id, err)
	}
	if len(out) == 0 {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	}
	return out, nil
}

// OriginalFile returns the Source of a version and the file bytes as stored.
func (db *DB) OriginalFile(ctx context.Context, id string, version int) (huiqi.Source, []byte, error) {
	var doc string
	var sum sql.NullString
	var raw []byte
	err := db.read.QueryRowContext(ctx, `SELECT json_extract(v.doc, '$.source'), v.file_sha256, f.bytes FROM policy_versions v
		LEFT JOIN files f ON f.sha256 = v.file_sha256
		WHERE v.policy_id = ? AND v.version = ?`, id, version).Scan(&doc, &sum, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return huiqi.Source{}, nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q version %d not found", id, version)
	} else if err != nil {
		return huiqi.Source{}, nil, fmt.Errorf("sqlite: original file of %s version %d: %w", id, version, err)
	}
	if !sum.Valid {
		return huiqi.Source{}, nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q version %d was saved without its file", id, version)
	}
	var src huiqi.Source
	if err := json.Unmarshal([]byte(doc), &src); err != nil {
		return huiqi.Source{}, nil, fmt.Errorf("sqlite: original file of %s version %d: decode source: %w", id, version, err)
	}
	return src, raw, nil
}
