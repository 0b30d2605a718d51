package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

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
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: add attachment to %s: %w", appID, err)
	}
	defer tx.Rollback()
	region, err := touchApplication(ctx, tx, appID, stamp(now))
	if err != nil {
		return err
	}
	if err := checkFileCount(ctx, tx, appID, maxFiles); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO attachments (id, application_id, name, content_type, size, sha256, bytes, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, appID, att.Name, att.ContentType, len(data), sha, data, stamp(now))
	if err != nil {
		return fmt.Errorf("sqlite: add attachment to %s: %w", appID, err)
	}
	if err := auditChange(ctx, tx, ev, "application:"+appID, region, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: add attachment to %s: %w", appID, err)
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
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attachments WHERE application_id = ?`, appID).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: count files of %s: %w", appID, err)
	}
	if n >= maxFiles {
		return huiqi.Errorf(huiqi.EINVALID, "每份申报最多 %d 个附件（申报 %s 已有 %d 个），请先删除不需要的附件", maxFiles, appID, n)
	}
	return nil
}

// touchApplication moves an application's update time and returns its
// region; ENOTFOUND when there is no such application.
func touchApplication(ctx context.Context, tx *sql.Tx, appID, now string) (string, error) {
	var region string
	err := tx.QueryRowContext(ctx, `UPDATE applications SET updated_at = ? WHERE id = ? RETURNING region_code`, now, appID).Scan(&region)
	if errors.Is(err, sql.ErrNoRows) {
		return "", huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 不存在", appID)
	} else if err != nil {
		return "", fmt.Errorf("sqlite: application %s: %w", appID, err)
	}
	return region, nil
}

// AttachmentData returns a file of an application with its bytes. A file
// of another application is ENOTFOUND, as if it did not exist: a caller
// that checked access to appID reaches no other application's files.
func (db *DB) AttachmentData(ctx context.Context, appID, attID string) (*huiqi.Attachment, []byte, error) {
	f := &huiqi.Attachment{ID: attID}
	var added string
	var data []byte
	err := db.read.QueryRowContext(ctx, `SELECT name, content_type, size, sha256, added_at, bytes
		FROM attachments WHERE id = ? AND application_id = ?`, attID, appID).
		Scan(&f.Name, &f.ContentType, &f.Size, &f.SHA256, &added, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 没有附件 %s", appID, attID)
	} else if err != nil {
		return nil, nil, fmt.Errorf("sqlite: attachment %s of %s: %w", attID, appID, err)
	}
	f.AddedAt = parseTime(added)
	return f, data, nil
}

// RemoveAttachment deletes a file of an application, bytes and all;
// ENOTFOUND when the file is not the application's.
func (db *DB) RemoveAttachment(ctx context.Context, appID, attID string, ev *huiqi.AuditEntry) error {
	if err := storekit.RequireAudit(ev, "remove attachment"); err != nil {
		return err
	}
	now := db.clock()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: remove attachment %s: %w", attID, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM attachments WHERE id = ? AND application_id = ?`, attID, appID)
	if err != nil {
		return fmt.Errorf("sqlite: remove attachment %s: %w", attID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 没有附件 %s", appID, attID)
	}
	region, err := touchApplication(ctx, tx, appID, stamp(now))
	if err != nil {
		return err
	}
	if err := auditChange(ctx, tx, ev, "application:"+appID, region, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: remove attachment %s: %w", attID, err)
	}
	return nil
}
