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

var _ huiqi.CurationStore = (*DB)(nil)

// CuratePolicy stores p as a curated version of policy id on top of base;
// see huiqi.CurationStore. The policy row is locked first, as SavePolicy
// locks it, so a curation and an ingest of the same policy take turns and
// the loser of the two sees that base is no longer the latest. The row
// keeps its identity key whatever title or 文号 the officer corrected.
func (db *DB) CuratePolicy(ctx context.Context, id string, base int, p *huiqi.Policy, note string, ev *huiqi.AuditEntry) (huiqi.SaveResult, error) {
	if err := storekit.CheckCurator(ev, id); err != nil {
		return huiqi.SaveResult{}, err
	}
	pr, err := storekit.Prepare(p, nil)
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	res := huiqi.SaveResult{ID: id, Version: base + 1, Outcome: huiqi.SaveNewVersion}
	err = db.inTx(ctx, "curate policy "+id, func(tx *sql.Tx) error {
		if err := curationBase(ctx, tx, id, base, pr); err != nil {
			return err
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, `UPDATE policies SET latest_version = $2, region_code = $3, doc_type = $4,
			updated_at = $5 WHERE id = $1`, id, res.Version, storekit.RegionCode(&pr.Policy), pr.Policy.DocType, now); err != nil {
			return err
		}
		if err := insertVersion(ctx, tx, pr, res.Version, now); err != nil {
			return err
		}
		for _, t := range storekit.Normalised(id, res.Version, &pr.Policy) {
			if err := storekit.InsertRows(ctx, tx, t, bind); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO policy_curations (policy_id, version, curated_by, note, created_at)
			VALUES ($1, $2, $3, $4, $5)`, id, res.Version, ev.Actor, note, now); err != nil {
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

// curationBase locks policy id, checks that base is its latest version
// and points pr at the policy and at base's original file.
func curationBase(ctx context.Context, tx *sql.Tx, id string, base int, pr *storekit.Prepared) error {
	var latest int
	err := tx.QueryRowContext(ctx, `SELECT latest_version FROM policies WHERE id = $1 FOR UPDATE`, id).Scan(&latest)
	if errors.Is(err, sql.ErrNoRows) {
		return huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	} else if err != nil {
		return err
	}
	if base != latest {
		return huiqi.Errorf(huiqi.ECONFLICT, "policy %s: version %d was edited from, but version %d is the latest", id, base, latest)
	}
	var sum sql.NullString
	var src []byte
	if err := tx.QueryRowContext(ctx, `SELECT file_sha256, doc->'source' FROM policy_versions
		WHERE policy_id = $1 AND version = $2`, id, base).Scan(&sum, &src); err != nil {
		return fmt.Errorf("version %d: %w", base, err)
	}
	if err := json.Unmarshal(src, &pr.Policy.Source); err != nil {
		return fmt.Errorf("source of version %d: %w", base, err)
	}
	pr.ID, pr.FileSHA = id, sum.String
	return nil
}
