package postgres

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// AddOutbox keeps a message of the development SMS sender and sets m.ID
// (and m.SentAt when zero).
func (db *DB) AddOutbox(ctx context.Context, m *huiqi.OutboxMessage) error {
	if err := storekit.CheckOutbox(m); err != nil {
		return err
	}
	if m.SentAt.IsZero() {
		m.SentAt = db.Now()
	}
	m.SentAt = storekit.Micro(m.SentAt)
	err := db.db.QueryRowContext(ctx, `INSERT INTO sms_outbox (phone, text, sent_at) VALUES ($1, $2, $3) RETURNING id`,
		m.Phone, m.Text, m.SentAt).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("postgres: add outbox: %w", err)
	}
	return nil
}

// Outbox lists the latest limit messages, newest first.
func (db *DB) Outbox(ctx context.Context, limit int) ([]huiqi.OutboxMessage, error) {
	if err := storekit.CheckLimit("outbox", limit); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, phone, text, sent_at FROM sms_outbox ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: outbox: %w", err)
	}
	defer rows.Close()
	out := []huiqi.OutboxMessage{}
	for rows.Next() {
		var m huiqi.OutboxMessage
		if err := rows.Scan(&m.ID, &m.Phone, &m.Text, &m.SentAt); err != nil {
			return nil, fmt.Errorf("postgres: outbox: %w", err)
		}
		m.SentAt = m.SentAt.UTC()
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: outbox: %w", err)
	}
	return out, nil
}
