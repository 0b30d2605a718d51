package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// auditChange completes ev for a change of object in region and appends it
// in tx, after the change's own writes.
func auditChange(ctx context.Context, tx *sql.Tx, ev *huiqi.AuditEntry, object, region string, at time.Time) error {
	return appendAudit(ctx, tx, storekit.ChangeAudit(ev, object, region, at))
}

// stamp is a time as stored: UTC text, to the microsecond like PostgreSQL.
func stamp(t time.Time) string { return t.UTC().Truncate(time.Microsecond).Format(timeFormat) }

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
