package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// appColumns are the columns scanApplication reads, in order.
const appColumns = `id, user_id, credit_code, enterprise_name, policy_id, policy_version, policy_title,
	measure_id, measure_name, clause_path, region_code, status, form, expected_min_yuan, expected_max_yuan,
	granted_yuan, revision, created_at, updated_at`

// FindApplication returns an application with its steps and files (not
// their bytes).
func (db *DB) FindApplication(ctx context.Context, id string) (*huiqi.Application, error) {
	// One read transaction: the application, its steps and files as of one
	// moment.
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: find application %s: %w", id, err)
	}
	defer tx.Rollback()
	a, err := scanApplication(tx.QueryRowContext(ctx, `SELECT `+appColumns+` FROM applications WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 不存在", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find application %s: %w", id, err)
	}
	apps := []huiqi.Application{a}
	if err := loadAppDetails(ctx, tx, apps); err != nil {
		return nil, err
	}
	return &apps[0], nil
}

func scanApplication(row interface{ Scan(...any) error }) (huiqi.Application, error) {
	var a huiqi.Application
	var form, created, updated string
	var granted sql.NullInt64
	err := row.Scan(&a.ID, &a.UserID, &a.CreditCode, &a.EnterpriseName, &a.PolicyID, &a.PolicyVersion,
		&a.PolicyTitle, &a.MeasureID, &a.MeasureName, &a.ClausePath, &a.RegionCode, &a.Status, &form,
		&a.ExpectedMinYuan, &a.ExpectedMaxYuan, &granted, &a.Revision, &created, &updated)
	if err != nil {
		return a, err
	}
	if granted.Valid {
		a.GrantedYuan = &granted.Int64
	}
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	a.Form, err = storekit.DecodeForm([]byte(form))
	return a, err
}

// loadAppDetails fills in the steps and files of apps, two queries for all.
func loadAppDetails(ctx context.Context, tx *sql.Tx, apps []huiqi.Application) error {
	if len(apps) == 0 {
		return nil
	}
	at := make(map[string]*huiqi.Application, len(apps))
	ids := make([]any, len(apps))
	for i := range apps {
		at[apps[i].ID], ids[i] = &apps[i], apps[i].ID
	}
	in := placeholders(len(ids))
	rows, err := tx.QueryContext(ctx, `SELECT application_id, status, by_user, by_name, role, at, comment, amount_yuan
		FROM application_steps WHERE application_id IN (`+in+`) ORDER BY application_id, ordinal`, ids...)
	if err != nil {
		return fmt.Errorf("sqlite: application steps: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var appID, when string
		var st huiqi.ApplicationStep
		var amount sql.NullInt64
		if err := rows.Scan(&appID, &st.Status, &st.By, &st.ByName, &st.Role, &when, &st.Comment, &amount); err != nil {
			return fmt.Errorf("sqlite: application steps: %w", err)
		}
		st.At = parseTime(when)
		if amount.Valid {
			st.AmountYuan = &amount.Int64
		}
		at[appID].Steps = append(at[appID].Steps, st)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: application steps: %w", err)
	}
	return loadAttachments(ctx, tx, in, ids, at)
}

func loadAttachments(ctx context.Context, tx *sql.Tx, in string, ids []any, at map[string]*huiqi.Application) error {
	rows, err := tx.QueryContext(ctx, `SELECT application_id, id, name, content_type, size, sha256, added_at
		FROM attachments WHERE application_id IN (`+in+`) ORDER BY added_at, id`, ids...)
	if err != nil {
		return fmt.Errorf("sqlite: attachments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var appID, added string
		var f huiqi.Attachment
		if err := rows.Scan(&appID, &f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &added); err != nil {
			return fmt.Errorf("sqlite: attachments: %w", err)
		}
		f.AddedAt = parseTime(added)
		at[appID].Attachments = append(at[appID].Attachments, f)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: attachments: %w", err)
	}
	return nil
}
