package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// insertNotifications stores ns in tx with "{id}" in their links replaced
// by threadID (when not ""), and returns them with their IDs and times.
func insertNotifications(ctx context.Context, tx *sql.Tx, threadID string, ns []huiqi.Notification, now time.Time) ([]huiqi.Notification, error) {
	out := make([]huiqi.Notification, len(ns))
	for i, n := range ns {
		n.CreatedAt, n.ReadAt = now, nil
		if threadID != "" {
			n.Link = strings.ReplaceAll(n.Link, "{id}", threadID)
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO notifications (user_id, text, link, created_at)
			VALUES (?, ?, ?, ?) RETURNING id`, n.UserID, n.Text, n.Link, stamp(now)).Scan(&n.ID)
		if err != nil {
			return nil, fmt.Errorf("sqlite: notify %s: %w", n.UserID, err)
		}
		out[i] = n
	}
	return out, nil
}

// Notify stores the notifications ns in one transaction and sets their IDs
// and times: they are all stored or none is.
func (db *DB) Notify(ctx context.Context, ns []huiqi.Notification) error {
	if err := storekit.CheckNotifications(ns); err != nil || len(ns) == 0 {
		return err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: notify: %w", err)
	}
	defer tx.Rollback()
	stored, err := insertNotifications(ctx, tx, "", ns, db.clock())
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: notify: %w", err)
	}
	copy(ns, stored)
	return nil
}

// Notifications lists a user's notifications, newest first; a limit of 0
// means 50.
func (db *DB) Notifications(ctx context.Context, userID string, unreadOnly bool, limit int) ([]huiqi.Notification, error) {
	limit, _, err := storekit.Page(huiqi.PolicyFilter{Limit: limit})
	if err != nil {
		return nil, err
	}
	unread := ""
	if unreadOnly {
		unread = " AND read_at IS NULL"
	}
	rows, err := db.read.QueryContext(ctx, `SELECT id, text, link, created_at, read_at FROM notifications
		WHERE user_id = ?`+unread+` ORDER BY created_at DESC, id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: notifications of %s: %w", userID, err)
	}
	defer rows.Close()
	out := []huiqi.Notification{}
	for rows.Next() {
		n := huiqi.Notification{UserID: userID}
		var created string
		var read sql.NullString
		if err := rows.Scan(&n.ID, &n.Text, &n.Link, &created, &read); err != nil {
			return nil, fmt.Errorf("sqlite: notifications of %s: %w", userID, err)
		}
		n.CreatedAt = parseTime(created)
		if read.Valid {
			at := parseTime(read.String)
			n.ReadAt = &at
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: notifications of %s: %w", userID, err)
	}
	return out, nil
}

// MarkRead marks as read at the user's unread notifications among ids;
// the IDs of other users' notifications are passed over.
func (db *DB) MarkRead(ctx context.Context, userID string, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	if at.IsZero() {
		at = db.Now()
	}
	args := []any{stamp(at), userID}
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := db.write.ExecContext(ctx, `UPDATE notifications SET read_at = ?
		WHERE user_id = ? AND read_at IS NULL AND id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: mark notifications of %s read: %w", userID, err)
	}
	return nil
}
