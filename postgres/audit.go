package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

var _ huiqi.AuditLog = (*DB)(nil)

// auditLock is the pg_advisory_xact_lock key that serialises appenders to
// the audit log.
const auditLock = 0x6875_6971_6961 // "huiqia"

// appendAudit seals e after the last entry of the log and inserts it in tx,
// the transaction of the change it records, so that the change and its
// entry commit together or not at all. A nil e appends nothing; a zero e.At
// becomes the server's clock. The advisory lock, held until tx ends, makes
// appenders take turns: the last entry read after it is still the last one
// when tx commits (and the seq primary key refuses a second entry with the
// same number). Call it after the change's own writes, so that no
// transaction waits for a row while holding the lock.
func appendAudit(ctx context.Context, tx *sql.Tx, e *huiqi.AuditEntry) error {
	if e == nil {
		return nil
	}
	if err := storekit.CheckAudit(e); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+strconv.Itoa(auditLock)+`)`); err != nil {
		return fmt.Errorf("postgres: audit %s: lock: %w", e.Action, err)
	}
	if e.At.IsZero() {
		if err := tx.QueryRowContext(ctx, `SELECT clock_timestamp()`).Scan(&e.At); err != nil {
			return fmt.Errorf("postgres: audit %s: clock: %w", e.Action, err)
		}
	}
	var last huiqi.AuditEntry
	prev := &last
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&last.Seq, &last.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		prev = nil
	} else if err != nil {
		return fmt.Errorf("postgres: audit %s: last entry: %w", e.Action, err)
	}
	e.Seal(prev)
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (seq, at, actor, action, object, region, detail, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, e.Seq, e.At, e.Actor, e.Action, e.Object, e.Region,
		e.Detail, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("postgres: audit %s: %w", e.Action, err)
	}
	return nil
}

// AppendAudit seals and appends e on its own.
func (db *DB) AppendAudit(ctx context.Context, e *huiqi.AuditEntry) error {
	if e == nil {
		return huiqi.Errorf(huiqi.EINVALID, "audit entry is required")
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: audit %s: %w", e.Action, err)
	}
	defer tx.Rollback()
	if err := appendAudit(ctx, tx, e); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditEntries returns up to limit entries with Seq > after, in order.
func (db *DB) AuditEntries(ctx context.Context, after int64, limit int) ([]huiqi.AuditEntry, error) {
	if err := storekit.CheckLimit("audit entries", limit); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT seq, at, actor, action, object, region, detail, prev_hash, hash
		FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: audit entries after %d: %w", after, err)
	}
	defer rows.Close()
	out := []huiqi.AuditEntry{}
	for rows.Next() {
		var e huiqi.AuditEntry
		if err := rows.Scan(&e.Seq, &e.At, &e.Actor, &e.Action, &e.Object, &e.Region, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("postgres: audit entries after %d: %w", after, err)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: audit entries after %d: %w", after, err)
	}
	return out, nil
}
