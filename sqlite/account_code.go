package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// IssueCode stores c unless a limit is reached at c.CreatedAt (now when
// zero): ELIMITED names the limit and when to try again. The counts are
// read in the same write transaction as the insert, and writers take turns
// (BEGIN IMMEDIATE on one connection), so a burst cannot pass a limit. Older
// unused codes for the same number and purpose are used up.
func (db *DB) IssueCode(ctx context.Context, c *huiqi.SMSCode, lim huiqi.CodeLimits) error {
	if c != nil && c.CreatedAt.IsZero() {
		c.CreatedAt = db.Now()
	}
	if err := storekit.CheckSMSCode(c); err != nil {
		return err
	}
	c.CreatedAt, c.ExpiresAt, c.Tries, c.Used = storekit.Micro(c.CreatedAt), storekit.Micro(c.ExpiresAt), 0, false
	return db.inWrite(ctx, "issue code", func(tx *sql.Tx) error {
		u, err := codeUsageAt(ctx, tx, c)
		if err != nil {
			return err
		}
		if err := u.Check(c.CreatedAt, lim); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sms_codes SET used = 1 WHERE phone = ? AND purpose = ? AND used = 0`,
			c.Phone, c.Purpose); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sms_codes (phone, purpose, hash, ip, created_at, expires_at, tries, used)
			VALUES (?, ?, ?, ?, ?, ?, 0, 0)`, c.Phone, c.Purpose, c.Hash, c.IP, ts(c.CreatedAt), ts(c.ExpiresAt))
		return err
	})
}

// codeUsageAt counts the codes issued to c's number and address before it.
func codeUsageAt(ctx context.Context, tx *sql.Tx, c *huiqi.SMSCode) (storekit.CodeUsage, error) {
	var u storekit.CodeUsage
	var last, first, hourMin, dayMin sql.NullString
	dayAgo, hourAgo := ts(c.CreatedAt.Add(-24*time.Hour)), ts(c.CreatedAt.Add(-time.Hour))
	err := tx.QueryRowContext(ctx, `SELECT (SELECT max(created_at) FROM sms_codes WHERE phone = ?),
		count(*), min(created_at) FROM sms_codes WHERE phone = ? AND created_at > ?`,
		c.Phone, c.Phone, dayAgo).Scan(&last, &u.PhoneDay, &first)
	if err == nil && c.IP != "" {
		err = tx.QueryRowContext(ctx, `SELECT count(*), min(created_at),
			coalesce(sum(CASE WHEN created_at > ? THEN 1 ELSE 0 END), 0), min(CASE WHEN created_at > ? THEN created_at END)
			FROM sms_codes WHERE ip = ? AND created_at > ?`,
			hourAgo, hourAgo, c.IP, dayAgo).Scan(&u.IPDay, &dayMin, &u.IPHour, &hourMin)
	}
	u.Last, u.PhoneFirst = parseTime(last.String), parseTime(first.String)
	u.IPHourMin, u.IPDayMin = parseTime(hourMin.String), parseTime(dayMin.String)
	return u, err
}

// CheckCode checks hash against the live code for phone and purpose at now
// and counts the try: ok when it matches (the code is then used up);
// ELIMITED once maxTries tries were made; ENOTFOUND when no code is live.
func (db *DB) CheckCode(ctx context.Context, phone, purpose, hash string, maxTries int, now time.Time) (bool, error) {
	if err := storekit.CheckMaxTries(maxTries); err != nil {
		return false, err
	}
	var ok bool
	err := db.inWrite(ctx, "check code", func(tx *sql.Tx) error {
		var id int64
		var want string
		var tries int
		err := tx.QueryRowContext(ctx, `SELECT id, hash, tries FROM sms_codes
			WHERE phone = ? AND purpose = ? AND used = 0 AND expires_at > ? ORDER BY id DESC LIMIT 1`,
			phone, purpose, ts(now)).Scan(&id, &want, &tries)
		if errors.Is(err, sql.ErrNoRows) {
			return storekit.NoLiveCode()
		} else if err != nil {
			return err
		}
		if ok, err = storekit.TryCode(hash, want, tries, maxTries); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE sms_codes SET tries = tries + 1, used = ? WHERE id = ?`, ok, id)
		return err
	})
	return ok && err == nil, err
}
