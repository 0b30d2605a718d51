package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// UpdateApplication stores a's names, status, form and amounts and appends
// step when not nil, if a.Revision is still the stored revision; it then
// increments a.Revision, sets a.UpdatedAt and appends the step as stored
// to a.Steps. The workflow is the caller's to judge; an unknown status is
// EINVALID.
func (db *DB) UpdateApplication(ctx context.Context, a *huiqi.Application, step *huiqi.ApplicationStep, ev *huiqi.AuditEntry) error {
	now := db.clock()
	st, err := storekit.CheckUpdate(a, step, ev, now)
	if err != nil {
		return err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: update application %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	var region string
	err = tx.QueryRowContext(ctx, `UPDATE applications SET enterprise_name = ?, policy_title = ?,
		measure_name = ?, status = ?, form = ?, expected_min_yuan = ?, expected_max_yuan = ?, granted_yuan = ?,
		revision = revision + 1, updated_at = ?
		WHERE id = ? AND revision = ? RETURNING region_code`,
		a.EnterpriseName, a.PolicyTitle, a.MeasureName, a.Status, storekit.EncodeForm(a.Form), a.ExpectedMinYuan,
		a.ExpectedMaxYuan, a.GrantedYuan, stamp(now), a.ID, a.Revision).Scan(&region)
	if errors.Is(err, sql.ErrNoRows) {
		return whyNotUpdated(ctx, tx, a.ID)
	} else if err != nil {
		return fmt.Errorf("sqlite: update application %s: %w", a.ID, err)
	}
	if step != nil {
		if err := insertStep(ctx, tx, a.ID, &st); err != nil {
			return err
		}
	}
	if err := auditChange(ctx, tx, ev, "application:"+a.ID, region, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: update application %s: %w", a.ID, err)
	}
	a.Revision, a.UpdatedAt = a.Revision+1, now
	if step != nil {
		a.Steps = append(a.Steps, st)
	}
	return nil
}

// whyNotUpdated tells a missing application from a stale revision.
func whyNotUpdated(ctx context.Context, tx *sql.Tx, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM applications WHERE id = ?`, id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 不存在", id)
	case err != nil:
		return fmt.Errorf("sqlite: update application %s: %w", id, err)
	}
	return huiqi.Errorf(huiqi.ECONFLICT, "申报已被他人修改,请刷新后重试")
}

// insertStep appends st after the application's last step.
func insertStep(ctx context.Context, tx *sql.Tx, appID string, st *huiqi.ApplicationStep) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO application_steps (application_id, ordinal, status, by_user,
		by_name, role, at, comment, amount_yuan)
		VALUES (?, (SELECT coalesce(max(ordinal), 0) + 1 FROM application_steps WHERE application_id = ?),
		?, ?, ?, ?, ?, ?, ?)`,
		appID, appID, st.Status, st.By, st.ByName, st.Role, stamp(st.At), st.Comment, st.AmountYuan)
	if err != nil {
		return fmt.Errorf("sqlite: step of application %s: %w", appID, err)
	}
	return nil
}
