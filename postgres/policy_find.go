package postgres

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
	var doc []byte
	err := db.db.QueryRowContext(ctx, `SELECT v.doc FROM policies p
		JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.latest_version
		WHERE p.id = $1`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find policy %s: %w", id, err)
	}
	return storekit.DecodePolicy(doc)
}

// FindPolicyVersion returns one version of policy id.
func (db *DB) FindPolicyVersion(ctx context.Context, id string, version int) (*huiqi.Policy, error) {
	var doc []byte
	err := db.db.QueryRowContext(ctx, `SELECT doc FROM policy_versions
		WHERE policy_id = $1 AND version = $2`, id, version).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q version %d not found", id, version)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find policy %s version %d: %w", id, version, err)
	}
	return storekit.DecodePolicy(doc)
}

// ListVersions returns the versions of policy id, oldest first.
func (db *DB) ListVersions(ctx context.Context, id string) ([]huiqi.VersionInfo, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT v.version, v.title, coalesce(v.file_sha256, ''), v.file_name,
		v.created_at, coalesce(c.curated_by, ''), coalesce(c.note, '')
		FROM policy_versions v LEFT JOIN policy_curations c ON c.policy_id = v.policy_id AND c.version = v.version
		WHERE v.policy_id = $1 ORDER BY v.version`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: list versions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []huiqi.VersionInfo
	for rows.Next() {
		var v huiqi.VersionInfo
		if err := rows.Scan(&v.Version, &v.Title, &v.SHA256, &v.FileName, &v.CreatedAt, &v.CuratedBy, &v.Note); err != nil {
			return nil, fmt.Errorf("postgres: list versions of %s: %w", id, err)
		}
		v.CreatedAt = v.CreatedAt.UTC()
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: list versions of %s: %w", id, err)
	}
	if len(out) == 0 {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	}
	return out, nil
}

// OriginalFile returns the Source of a version and the file bytes as stored.
func (db *DB) OriginalFile(ctx context.Context, id string, version int) (huiqi.Source, []byte, error) {
	var doc, raw []byte
	var sum sql.NullString
	err := db.db.QueryRowContext(ctx, `SELECT v.doc->'source', v.file_sha256, f.bytes FROM policy_versions v
		LEFT JOIN files f ON f.sha256 = v.file_sha256
		WHERE v.policy_id = $1 AND v.version = $2`, id, version).Scan(&doc, &sum, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return huiqi.Source{}, nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q version %d not found", id, version)
	} else if err != nil {
		return huiqi.Source{}, nil, fmt.Errorf("postgres: original file of %s version %d: %w", id, version, err)
	}
	if !sum.Valid {
		return huiqi.Source{}, nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %q version %d was saved without its file", id, version)
	}
	var src huiqi.Source
	if err := json.Unmarshal(doc, &src); err != nil {
		return huiqi.Source{}, nil, fmt.Errorf("postgres: original file of %s version %d: decode source: %w", id, version, err)
	}
	return src, raw, nil
}
