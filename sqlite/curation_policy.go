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

var _ huiqi.CurationStore = (*DB)(nil)

// CuratePolicy stores p as a curated version of policy id on top of base;
// see huiqi.CurationStore. The identity of the policy does not change with
// its corrected title or 文号: the row keeps its key, and a later ingest of
// the same file or text finds the curated version and changes nothing.
func (db *DB) CuratePolicy(ctx context.Context, id string, base int, p *huiqi.Policy, note string, ev *huiqi.AuditEntry) (huiqi.SaveResult, error) {
	if err := storekit.CheckCurator(ev, id); err != nil {
		return huiqi.SaveResult{}, err
	}
	pr, err := storekit.Prepare(p, nil)
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	res := huiqi.SaveResult{ID: id, Version: base + 1, Outcome: huiqi.SaveNewVersion}
	err = db.inWrite(ctx, "curate policy "+id, func(tx *sql.Tx) error {
		if err := curationBase(ctx, tx, id, base, pr); err != nil {
			return err
		}
		if err := insertVersion(ctx, tx, pr, res.Version, db.now()); err != nil {
			return err
		}
		for _, t := range storekit.Normalised(id, res.Version, &pr.Policy) {
			if err := storekit.InsertRows(ctx, tx, t, func(int) string { return "?" }); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE policies SET latest_version = ?, region_code = ?, doc_type = ?,
			updated_at = ? WHERE id = ?`, res.Version, storekit.RegionCode(&pr.Policy), pr.Policy.DocType, db.now(), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO policy_curations (policy_id, version, curated_by, note, created_at)
			VALUES (?, ?, ?, ?, ?)`, id, res.Version, ev.Actor, note, db.now()); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "policy:"+id))
	})
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	p.ID, p.Version, p.Source = id, res.Version, pr.Policy.Source
	return res, nil
}

// curationBase checks that base is the latest version of policy id and
// points pr at the policy and at base's original file.
func curationBase(ctx context.Context, tx *sql.Tx, id string, base int, pr *storekit.Prepared) error {
	var latest int
	var sum sql.NullString
	var src string
	err := tx.QueryRowContext(ctx, `SELECT p.latest_version, v.file_sha256, json_extract(v.doc, '$.source')
		FROM policies p JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.latest_version
		WHERE p.id = ?`, id).Scan(&latest, &sum, &src)
	if errors.Is(err, sql.ErrNoRows) {
		return huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	} else if err != nil {
		return err
	}
	if base != latest {
		return huiqi.Errorf(huiqi.ECONFLICT, "policy %s: version %d was edited from, but version %d is the latest", id, base, latest)
	}
	if err := json.Unmarshal([]byte(src), &pr.Policy.Source); err != nil {
		return fmt.Errorf("source of version %d: %w", base, err)
	}
	pr.ID, pr.FileSHA = id, sum.String
	return nil
}
