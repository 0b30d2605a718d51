package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.AuditLog = (*DB)(nil)

// appendAudit seals e after the last entry of the log and inserts it in tx,
// the write transaction of the change it records, so that the change and
// its entry commit together or not at all. A nil e appends nothing; a zero
// e.At becomes now. Writers share the write pool's one connection and take
// the lock at BEGIN (IMMEDIATE), so the last entry read here is still the
// last one when tx commits.
func appendAudit(ctx context.Context, tx *sql.Tx, e *huiqi.AuditEntry) error {
	if e == nil {
		return nil
	}
	if err := storekit.CheckAudit(e); err != nil {
		return err
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	var last huiqi.AuditEntry
	prev := &last
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&last.Seq, &last.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		prev = nil
	} else if err != nil {
		return fmt.Errorf("sqlite: audit %s: last entry: %w", e.Action, err)
	}
	e.Seal(prev)
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (seq, at, actor, action, object, region, detail, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, e.At.Format(timeFormat), e.Actor, e.Action, e.Object, e.Region,
		e.Detail, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("sqlite: audit %s: %w", e.Action, err)
	}
	return nil
}

// AppendAudit seals and appends e on its own.
func (db *DB) AppendAudit(ctx context.Context, e *huiqi.AuditEntry) error {
	if e == nil {
		return huiqi.Errorf(huiqi.EINVALID, "audit entry is required")
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: audit %s: %w", e.Action, err)
	}
	defer tx.Rollback()
	if err := appendAudit(ctx, tx, e); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditEntries returns up to limit entries with Seq > after, in order.
func (db *DB) AuditEntries(ctx context.Context, after int64, limit int) ([]huiqi.AuditEntry, error) {
	if err := storekit.CheckLimit("audit entries", limit); err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT seq, at, actor, action, object, region, detail, prev_hash, hash
		FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit entries after %d: %w", after, err)
	}
	defer rows.Close()
	out := []huiqi.AuditEntry{}
	for rows.Next() {
		var e huiqi.AuditEntry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Object, &e.Region, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("sqlite: audit entries after %d: %w", after, err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: audit entries after %d: %w", after, err)
	}
	return out, nil
}
