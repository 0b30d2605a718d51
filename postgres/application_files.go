package postgres

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// AddAttachment stores a file of an application, its bytes in the same row
// and transaction as its metadata and audit entry; it sets att.ID,
// att.Size, att.SHA256 and att.AddedAt. The application's update time
// moves, its revision does not: a file is not an edit of the form. When
// maxFiles > 0 the files are counted in the transaction, after the
// application's row is locked, so that concurrent additions cannot pass
// the limit: EINVALID once the application holds maxFiles.
func (db *DB) AddAttachment(ctx context.Context, appID string, att *huiqi.Attachment, data []byte, maxFiles int, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckAttachment(att); err != nil {
		return err
	}
	if err := storekit.RequireAudit(ev, "add attachment"); err != nil {
		return err
	}
	if att.ContentType == "" {
		att.ContentType = "application/octet-stream"
	}
	if data == nil {
		data = []byte{}
	}
	sum := sha256.Sum256(data)
	id, sha, now := storekit.NewID("f_"), hex.EncodeToString(sum[:]), db.clock()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: add attachment to %s: %w", appID, err)
	}
	defer tx.Rollback()
	region, err := touchApplication(ctx, tx, appID, now)
	if err != nil {
		return err
	}
	if err := checkFileCount(ctx, tx, appID, maxFiles); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO attachments (id, application_id, name, content_type, size, sha256, bytes, added_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, appID, att.Name, att.ContentType, len(data), sha, data, now)
	if err != nil {
		return fmt.Errorf("postgres: add attachment to %s: %w", appID, err)
	}
	if err := auditChange(ctx, tx, ev, "application:"+appID, region, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: add attachment to %s: %w", appID, err)
	}
	att.ID, att.Size, att.SHA256, att.AddedAt = id, int64(len(data)), sha, now
	return nil
}

// checkFileCount refuses another file to an application holding maxFiles
// (when maxFiles > 0). The caller has locked the application's row.
func checkFileCount(ctx context.Context, tx *sql.Tx, appID string, maxFiles int) error {
	if maxFiles <= 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attachments WHERE application_id = $1`, appID).Scan(&n); err != nil {
		return fmt.Errorf("postgres: count files of %s: %w", appID, err)
	}
	if n >= maxFiles {
		return huiqi.Errorf(huiqi.EINVALID, "每份申报最多 %d 个附件（申报 %s 已有 %d 个），请先删除不需要的附件", maxFiles, appID, n)
	}
	return nil
}

// touchApplication moves an application's update time and returns its
// region; ENOTFOUND when there is no such application.
func touchApplication(ctx context.Context, tx *sql.Tx, appID string, now time.Time) (string, error) {
	var region string
	err := tx.QueryRowContext(ctx, `UPDATE applications SET updated_at = $1 WHERE id = $2 RETURNING region_code`, now, appID).Scan(&region)
	if errors.Is(err, sql.ErrNoRows) {
		return "", huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 不存在", appID)
	} else if err != nil {
		return "", fmt.Errorf("postgres: application %s: %w", appID, err)
	}
	return region, nil
}

// AttachmentData returns a file of an application with its bytes. A file
// of another application is ENOTFOUND, as if it did not exist: a caller
// that checked access to appID reaches no other application's files.
func (db *DB) AttachmentData(ctx context.Context, appID, attID string) (*huiqi.Attachment, []byte, error) {
	f := &huiqi.Attachment{ID: attID}
	var data []byte
	err := db.db.QueryRowContext(ctx, `SELECT name, content_type, size, sha256, added_at, bytes
		FROM attachments WHERE id = $1 AND application_id = $2`, attID, appID).
		Scan(&f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.AddedAt, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 没有附件 %s", appID, attID)
	} else if err != nil {
		return nil, nil, fmt.Errorf("postgres: attachment %s of %s: %w", attID, appID, err)
	}
	f.AddedAt = f.AddedAt.UTC()
	return f, data, nil
}

// RemoveAttachment deletes a file of an application, bytes and all;
// ENOTFOUND when the file is not the application's.
func (db *DB) RemoveAttachment(ctx context.Context, appID, attID string, ev *huiqi.AuditEntry) error {
	if err := storekit.RequireAudit(ev, "remove attachment"); err != nil {
		return err
	}
	now := db.clock()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: remove attachment %s: %w", attID, err)
	}
	defer tx.Rollback()
	// The application's row first, then the file: the same lock order as
	// AddAttachment and UpdateApplication.
	region, err := touchApplication(ctx, tx, appID, now)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM attachments WHERE id = $1 AND application_id = $2`, attID, appID)
	if err != nil {
		return fmt.Errorf("postgres: remove attachment %s: %w", attID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 没有附件 %s", appID, attID)
	}
	if err := auditChange(ctx, tx, ev, "application:"+appID, region, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: remove attachment %s: %w", attID, err)
	}
	return nil
}
