package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.ConsultStore = (*DB)(nil)

// CreateThread stores t, open unless t.Status says otherwise, with its
// messages, the notifications and the audit entry in one transaction; it
// sets the IDs and times. A notification's Link may hold "{id}", replaced
// by the new thread's ID.
func (db *DB) CreateThread(ctx context.Context, t *huiqi.Thread, notify []huiqi.Notification, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckNewThread(t, notify, ev); err != nil {
		return err
	}
	id, now := storekit.NewID("th_"), db.clock()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: create thread: %w", err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO threads (id, policy_id, policy_title, region_code, user_id,
		credit_code, question, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
		id, t.PolicyID, t.PolicyTitle, t.RegionCode, t.UserID, t.CreditCode, t.Question, t.Status, now)
	if err != nil {
		return fmt.Errorf("postgres: create thread: %w", err)
	}
	msgs := append([]huiqi.ThreadMessage(nil), t.Messages...)
	for i := range msgs {
		if err := insertMessage(ctx, tx, id, &msgs[i], now); err != nil {
			return err
		}
	}
	ns, err := insertNotifications(ctx, tx, id, notify, now)
	if err != nil {
		return err
	}
	if err := auditChange(ctx, tx, ev, "thread:"+id, t.RegionCode, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: create thread: %w", err)
	}
	t.ID, t.CreatedAt, t.UpdatedAt, t.Messages = id, now, now, msgs
	copy(notify, ns)
	return nil
}

// AddMessage appends m to a thread, sets the thread's status and update
// time, and stores the notifications and the audit entry, all in one
// transaction; it sets m.ID and m.At (when zero).
func (db *DB) AddMessage(ctx context.Context, threadID string, m *huiqi.ThreadMessage, status huiqi.ThreadStatus, notify []huiqi.Notification, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckNewMessage(m, status, notify, ev); err != nil {
		return err
	}
	now := db.clock()
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: add message to %s: %w", threadID, err)
	}
	defer tx.Rollback()
	var region string
	err = tx.QueryRowContext(ctx, `UPDATE threads SET status = $1, updated_at = $2 WHERE id = $3 RETURNING region_code`,
		status, now, threadID).Scan(&region)
	if errors.Is(err, sql.ErrNoRows) {
		return huiqi.Errorf(huiqi.ENOTFOUND, "咨询 %s 不存在", threadID)
	} else if err != nil {
		return fmt.Errorf("postgres: add message to %s: %w", threadID, err)
	}
	msg := *m
	if err := insertMessage(ctx, tx, threadID, &msg, now); err != nil {
		return err
	}
	ns, err := insertNotifications(ctx, tx, threadID, notify, now)
	if err != nil {
		return err
	}
	if err := auditChange(ctx, tx, ev, "thread:"+threadID, region, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: add message to %s: %w", threadID, err)
	}
	*m = msg
	copy(notify, ns)
	return nil
}

// insertMessage stores m, stamped now when it has no time, and sets m.ID.
func insertMessage(ctx context.Context, tx *sql.Tx, threadID string, m *huiqi.ThreadMessage, now time.Time) error {
	m.At = m.At.UTC().Truncate(time.Microsecond)
	if m.At.IsZero() {
		m.At = now
	}
	cites, err := storekit.EncodeCitations(m.Citations)
	if err != nil {
		return fmt.Errorf("postgres: message of %s: %w", threadID, err)
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO thread_messages (thread_id, by_user, by_name, role, text, citations, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, threadID, m.By, m.ByName, m.Role, m.Text, cites, m.At).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("postgres: message of %s: %w", threadID, err)
	}
	return nil
}
