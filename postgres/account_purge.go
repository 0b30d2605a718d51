package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// PurgeExpired deletes the codes that expired more than a day before now
// and the sessions expired at now, in one transaction, and says how many
// of each went.
func (db *DB) PurgeExpired(ctx context.Context, now time.Time) (codes, sessions int, err error) {
	err = db.inTx(ctx, "purge expired", func(tx *sql.Tx) error {
		if codes, err = deleted(tx.ExecContext(ctx, `DELETE FROM sms_codes WHERE expires_at < $1`,
			storekit.PurgeCodesBefore(now))); err != nil {
			return err
		}
		sessions, err = deleted(tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, storekit.Micro(now)))
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	return codes, sessions, nil
}

// deleted says how many rows a DELETE removed.
func deleted(res sql.Result, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
