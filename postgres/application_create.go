package postgres

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.ApplicationStore = (*DB)(nil)

// CreateApplication stores a new application, a draft unless a.Status says
// otherwise, with its audit entry; it sets a.ID, the times and Revision 1.
// a.Steps and a.Attachments are not stored: updates and AddAttachment add
// them.
func (db *DB) CreateApplication(ctx context.Context, a *huiqi.Application, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckNewApplication(a, ev); err != nil {
		return err
	}
	id, now := storekit.NewID("ap_"), db.clock()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: create application: %w", err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO applications (id, user_id, credit_code, enterprise_name,
		policy_id, policy_version, policy_title, measure_id, measure_name, clause_path, region_code, status,
		form, expected_min_yuan, expected_max_yuan, granted_yuan, revision, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $17)`,
		id, a.UserID, a.CreditCode, a.EnterpriseName, a.PolicyID, a.PolicyVersion, a.PolicyTitle,
		a.MeasureID, a.MeasureName, a.ClausePath, a.RegionCode, a.Status, storekit.EncodeForm(a.Form),
		a.ExpectedMinYuan, a.ExpectedMaxYuan, a.GrantedYuan, now)
	if err != nil {
		return fmt.Errorf("postgres: create application: %w", err)
	}
	if err := auditChange(ctx, tx, ev, "application:"+id, a.RegionCode, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: create application: %w", err)
	}
	a.ID, a.CreatedAt, a.UpdatedAt, a.Revision = id, now, now, 1
	return nil
}
