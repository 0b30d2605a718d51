package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// SavePolicy stores p in one transaction; see huiqi.PolicyStore. Concurrent
// saves queue on the single write connection, whose BEGIN IMMEDIATE also keeps
// other processes out, so reading the latest version and writing the next one
// cannot interleave with another save.
//
// The identity key decides which policy a file belongs to: when the same bytes
// are already stored under another identity (the extractor changed its mind),
// the file row is shared and this identity gets its own policy or version.
func (db *DB) SavePolicy(ctx context.Context, p *huiqi.Policy, raw []byte) (huiqi.SaveResult, error) {
	pr, err := storekit.Prepare(p, raw)
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return huiqi.SaveResult{}, fmt.Errorf("sqlite: save policy: %w", err)
	}
	defer tx.Rollback()
	res, err := db.save(ctx, tx, pr)
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	if res.Outcome != huiqi.SaveUnchanged {
		if err := tx.Commit(); err != nil {
			return huiqi.SaveResult{}, fmt.Errorf("sqlite: save policy %s: commit: %w", pr.ID, err)
		}
	}
	p.ID, p.Version, p.Source = res.ID, res.Version, pr.Policy.Source
	return res, nil
}

func (db *DB) save(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared) (huiqi.SaveResult, error) {
	res := huiqi.SaveResult{ID: pr.ID, Version: 1, Outcome: huiqi.SaveCreated}
	var key string
	var latest int
	err := tx.QueryRowContext(ctx, `SELECT identity_key, latest_version FROM policies WHERE id = ?`, pr.ID).Scan(&key, &latest)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return res, fmt.Errorf("sqlite: save policy %s: %w", pr.ID, err)
	case key != pr.Key:
		return res, huiqi.Errorf(huiqi.ECONFLICT, "policy id %s is taken by another identity (%q, not %q)", pr.ID, key, pr.Key)
	default:
		stored, err := storedVersion(ctx, tx, pr)
		if err != nil {
			return res, err
		}
		if stored > 0 {
			return huiqi.SaveResult{ID: pr.ID, Version: stored, Outcome: huiqi.SaveUnchanged}, nil
		}
		res.Version, res.Outcome = latest+1, huiqi.SaveNewVersion
	}
	if err := db.writeVersion(ctx, tx, pr, res.Version); err != nil {
		return res, fmt.Errorf("sqlite: save policy %s version %d: %w", pr.ID, res.Version, err)
	}
	return res, nil
}

// storedVersion returns the newest version of the policy that already holds
// this file or this text, or 0. Every version counts, not only the latest:
// ingesting a folder again must change nothing even when two of its files
// share an identity (two drafts of one document).
func storedVersion(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, `SELECT version FROM policy_versions
		WHERE policy_id = ? AND (text_sha256 = ? OR (? <> '' AND file_sha256 = ?))
		ORDER BY version DESC LIMIT 1`, pr.ID, pr.TextSHA, pr.FileSHA, pr.FileSHA).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("sqlite: save policy %s: find stored version: %w", pr.ID, err)
	}
	return v, nil
}

// writeVersion upserts the policy row, the file (once per hash), the version
// and its normalised rows.
func (db *DB) writeVersion(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared, v int) error {
	p, now := &pr.Policy, db.now()
	region := storekit.RegionCode(p)
	if _, err := tx.ExecContext(ctx, `INSERT INTO policies
		(id, identity_key, latest_version, region_code, doc_type, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET latest_version = excluded.latest_version,
			region_code = excluded.region_code, doc_type = excluded.doc_type, updated_at = excluded.updated_at`,
		pr.ID, pr.Key, v, region, p.DocType, now, now); err != nil {
		return fmt.Errorf("policy row: %w", err)
	}
	if pr.FileSHA != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO files (sha256, size, bytes) VALUES (?, ?, ?)
			ON CONFLICT (sha256) DO NOTHING`, pr.FileSHA, len(pr.Raw), pr.Raw); err != nil {
			return fmt.Errorf("file: %w", err)
		}
	}
	if err := insertVersion(ctx, tx, pr, v, now); err != nil {
		return err
	}
	for _, t := range storekit.Normalised(pr.ID, v, p) {
		if err := storekit.InsertRows(ctx, tx, t, func(int) string { return "?" }); err != nil {
			return err
		}
	}
	return nil
}

// insertVersion writes the version row with its searchable columns and the
// export JSON.
func insertVersion(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared, v int, now string) error {
	p, region := &pr.Policy, storekit.RegionCode(&pr.Policy)
	doc, err := pr.Doc(v)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO policy_versions (policy_id, version, title, doc_number,
		doc_type, region_code, issuers, issued_on, published_on, effective_on, expires_on, draft,
		text_sha256, file_sha256, file_name, format, encoding, measures, targets, tasks, doc, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		pr.ID, v, p.Title, p.DocNumber, p.DocType, region, storekit.IssuersJSON(p.Issuers),
		storekit.DateArg(p.IssuedOn), storekit.DateArg(p.PublishedOn), storekit.DateArg(p.EffectiveOn),
		storekit.DateArg(p.ExpiresOn), p.Draft, pr.TextSHA, storekit.NullString(pr.FileSHA),
		p.Source.FileName, p.Source.Format, p.Source.Encoding,
		len(p.Measures), len(p.Targets), len(p.Tasks), string(doc), now); err != nil {
		return fmt.Errorf("version row: %w", err)
	}
	return nil
}
