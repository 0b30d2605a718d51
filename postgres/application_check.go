package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// auditChange completes ev for a change of object in region and appends it
// in tx, after the change's own writes (appendAudit's lock comes last).
func auditChange(ctx context.Context, tx *sql.Tx, ev *huiqi.AuditEntry, object, region string, at time.Time) error {
	return appendAudit(ctx, tx, storekit.ChangeAudit(ev, object, region, at))
}
