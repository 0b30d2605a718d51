package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

const ruleColumns = `measure_id, version, policy_id, yaml, cases_yaml, by_user, at`

// SaveRule stores r as the next version of its measure's rule and appends
// ev in the same transaction; see huiqi.CurationStore. The policy row is
// locked so two publications of one measure number their versions in turn.
func (db *DB) SaveRule(ctx context.Context, r *huiqi.CuratedRule, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckRule(r); err != nil {
		return err
	}
	at := storekit.Micro(r.At)
	if r.At.IsZero() {
		at = db.clock()
	}
	var v int
	err := db.inTx(ctx, "save rule "+r.MeasureID, func(tx *sql.Tx) error {
		var id string
		err := tx.QueryRowContext(ctx, `SELECT id FROM policies WHERE id = $1 FOR UPDATE`, r.PolicyID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", r.PolicyID)
		} else if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) + 1 FROM curated_rules WHERE measure_id = $1`,
			r.MeasureID).Scan(&v); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO curated_rules (`+ruleColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			r.MeasureID, v, r.PolicyID, r.YAML, r.CasesYAML, r.By, at); err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "measure:"+r.MeasureID))
	})
	if err != nil {
		return err
	}
	r.Version, r.At = v, at
	return nil
}

// CuratedRules returns the latest rule of each measure, by measure ID.
func (db *DB) CuratedRules(ctx context.Context) ([]huiqi.CuratedRule, error) {
	return db.rules(ctx, "curated rules", `SELECT DISTINCT ON (measure_id) `+ruleColumns+` FROM curated_rules
		ORDER BY measure_id, version DESC`)
}

// RuleHistory returns every version of a measure's rule, oldest first.
func (db *DB) RuleHistory(ctx context.Context, measureID string) ([]huiqi.CuratedRule, error) {
	return db.rules(ctx, "rule history of "+measureID, `SELECT `+ruleColumns+` FROM curated_rules
		WHERE measure_id = $1 ORDER BY version`, measureID)
}

func (db *DB) rules(ctx context.Context, what, query string, args ...any) ([]huiqi.CuratedRule, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	defer rows.Close()
	var out []huiqi.CuratedRule
	for rows.Next() {
		var r huiqi.CuratedRule
		if err := rows.Scan(&r.MeasureID, &r.Version, &r.PolicyID, &r.YAML, &r.CasesYAML, &r.By, &r.At); err != nil {
			return nil, fmt.Errorf("postgres: %s: %w", what, err)
		}
		r.At = r.At.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return out, nil
}
