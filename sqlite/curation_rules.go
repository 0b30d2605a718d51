package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

const ruleColumns = `measure_id, version, policy_id, yaml, cases_yaml, by_user, at`

// SaveRule stores r as the next version of its measure's rule and appends
// ev in the same transaction; see huiqi.CurationStore.
func (db *DB) SaveRule(ctx context.Context, r *huiqi.CuratedRule, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckRule(r); err != nil {
		return err
	}
	at := storekit.Micro(r.At)
	if r.At.IsZero() {
		at = db.clock()
	}
	var v int
	err := db.inWrite(ctx, "save rule "+r.MeasureID, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM policies WHERE id = ?`, r.PolicyID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", r.PolicyID)
		}
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) + 1 FROM curated_rules WHERE measure_id = ?`,
			r.MeasureID).Scan(&v); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO curated_rules (`+ruleColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			r.MeasureID, v, r.PolicyID, r.YAML, r.CasesYAML, r.By, ts(at)); err != nil {
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
	return db.rules(ctx, "curated rules", `SELECT `+ruleColumns+` FROM curated_rules r
		WHERE version = (SELECT max(version) FROM curated_rules WHERE measure_id = r.measure_id)
		ORDER BY measure_id`)
}

// RuleHistory returns every version of a measure's rule, oldest first.
func (db *DB) RuleHistory(ctx context.Context, measureID string) ([]huiqi.CuratedRule, error) {
	return db.rules(ctx, "rule history of "+measureID, `SELECT `+ruleColumns+` FROM curated_rules
		WHERE measure_id = ? ORDER BY version`, measureID)
}

func (db *DB) rules(ctx context.Context, what, query string, args ...any) ([]huiqi.CuratedRule, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	defer rows.Close()
	var out []huiqi.CuratedRule
	for rows.Next() {
		var r huiqi.CuratedRule
		var at string
		if err := rows.Scan(&r.MeasureID, &r.Version, &r.PolicyID, &r.YAML, &r.CasesYAML, &r.By, &at); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", what, err)
		}
		r.At = parseTime(at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return out, nil
}
