package postgres

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// Advisory lock classes (the first key of pg_advisory_xact_lock(int, int))
// of IssueCode: one lock per number, one per client address.
const (
	codePhoneLock = 0x6871_7031 // "hqp1"
	codeIPLock    = 0x6871_7032 // "hqp2"
)

// IssueCode stores c unless a limit is reached at c.CreatedAt (now when
// zero): ELIMITED names the limit and when to try again. The transaction
// first locks c's number, then its address, and counts after that, so
// requests for one number or from one address take turns and a burst
// cannot pass a limit; every request takes the locks in the same order.
// Older unused codes for the same number and purpose are used up.
func (db *DB) IssueCode(ctx context.Context, c *huiqi.SMSCode, lim huiqi.CodeLimits) error {
	if c != nil && c.CreatedAt.IsZero() {
		c.CreatedAt = db.Now()
	}
	if err := storekit.CheckSMSCode(c); err != nil {
		return err
	}
	c.CreatedAt, c.ExpiresAt, c.Tries, c.Used = storekit.Micro(c.CreatedAt), storekit.Micro(c.ExpiresAt), 0, false
	return db.inTx(ctx, "issue code", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, codePhoneLock, c.Phone); err != nil {
			return err
		}
		if c.IP != "" { // without an address there is no address limit to wait for
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, codeIPLock, c.IP); err != nil {
				return err
			}
		}
		u, err := codeUsageAt(ctx, tx, c)
		if err != nil {
			return err
		}
		if err := u.Check(c.CreatedAt, lim); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sms_codes SET used = true WHERE phone = $1 AND purpose = $2 AND NOT used`,
			c.Phone, c.Purpose); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sms_codes (phone, purpose, hash, ip, created_at, expires_at, tries, used)
			VALUES ($1, $2, $3, $4, $5, $6, 0, false)`, c.Phone, c.Purpose, c.Hash, c.IP, c.CreatedAt, c.ExpiresAt)
		return err
	})
}

// codeUsageAt counts the codes issued to c's number and address before it.
func codeUsageAt(ctx context.Context, tx *sql.Tx, c *huiqi.SMSCode) (storekit.CodeUsage, error) {
	var u storekit.CodeUsage
	var last, first, hourMin, dayMin sql.NullTime
	dayAgo, hourAgo := c.CreatedAt.Add(-24*time.Hour), c.CreatedAt.Add(-time.Hour)
	err := tx.QueryRowContext(ctx, `SELECT (SELECT max(created_at) FROM sms_codes WHERE phone = $1),
		count(*), min(created_at) FROM sms_codes WHERE phone = $1 AND created_at > $2`,
		c.Phone, dayAgo).Scan(&last, &u.PhoneDay, &first)
	if err == nil && c.IP != "" {
		err = tx.QueryRowContext(ctx, `SELECT count(*), min(created_at),
			count(*) FILTER (WHERE created_at > $1), min(created_at) FILTER (WHERE created_at > $1)
			FROM sms_codes WHERE ip = $2 AND created_at > $3`,
			hourAgo, c.IP, dayAgo).Scan(&u.IPDay, &dayMin, &u.IPHour, &hourMin)
	}
	u.Last, u.PhoneFirst, u.IPHourMin, u.IPDayMin = last.Time, first.Time, hourMin.Time, dayMin.Time
	return u, err
}

// CheckCode checks hash against the live code for phone and purpose at now
// and counts the try: ok when it matches (the code is then used up);
// ELIMITED once maxTries tries were made; ENOTFOUND when no code is live.
// The code's row is locked, so tries in parallel are all counted.
func (db *DB) CheckCode(ctx context.Context, phone, purpose, hash string, maxTries int, now time.Time) (bool, error) {
	if err := storekit.CheckMaxTries(maxTries); err != nil {
		return false, err
	}
	var ok bool
	err := db.inTx(ctx, "check code", func(tx *sql.Tx) error {
		var id int64
		var want string
		var tries int
		err := tx.QueryRowContext(ctx, `SELECT id, hash, tries FROM sms_codes
			WHERE phone = $1 AND purpose = $2 AND NOT used AND expires_at > $3 ORDER BY id DESC LIMIT 1 FOR UPDATE`,
			phone, purpose, now).Scan(&id, &want, &tries)
		if errors.Is(err, sql.ErrNoRows) {
			return storekit.NoLiveCode()
		} else if err != nil {
			return err
		}
		if ok, err = storekit.TryCode(hash, want, tries, maxTries); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE sms_codes SET tries = tries + 1, used = $1 WHERE id = $2`, ok, id)
		return err
	})
	return ok && err == nil, err
}
