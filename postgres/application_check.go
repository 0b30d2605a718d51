package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// appStatuses are the statuses an application may be stored with.
var appStatuses = map[huiqi.ApplicationStatus]bool{
	huiqi.AppDraft: true, huiqi.AppSubmitted: true, huiqi.AppUnderReview: true, huiqi.AppReturned: true,
	huiqi.AppResubmitted: true, huiqi.AppApproved: true, huiqi.AppRejected: true, huiqi.AppDisbursed: true,
}

func checkAppStatus(s huiqi.ApplicationStatus) error {
	if !appStatuses[s] {
		return huiqi.Errorf(huiqi.EINVALID, "申报状态 %q 无效", s)
	}
	return nil
}

// checkApplication refuses an application that names no applicant,
// policy or measure, or has an unknown status.
func checkApplication(a *huiqi.Application) error {
	switch {
	case a == nil:
		return huiqi.Errorf(huiqi.EINVALID, "申报为空")
	case a.UserID == "":
		return huiqi.Errorf(huiqi.EINVALID, "申报缺少申报用户")
	case a.PolicyID == "" || a.MeasureID == "":
		return huiqi.Errorf(huiqi.EINVALID, "申报缺少政策或措施 (policy %q, measure %q)", a.PolicyID, a.MeasureID)
	}
	return checkAppStatus(a.Status)
}

// requireAudit refuses a write without its audit entry.
func requireAudit(ev *huiqi.AuditEntry, what string) error {
	if ev == nil {
		return huiqi.Errorf(huiqi.EINVALID, "%s: an audit entry is required", what)
	}
	return nil
}

// auditChange completes ev for a change of object in region and appends it
// in tx, after the change's own writes (appendAudit's lock comes last).
func auditChange(ctx context.Context, tx *sql.Tx, ev *huiqi.AuditEntry, object, region string, at time.Time) error {
	if ev.Object == "" {
		ev.Object = object
	}
	ev.Region = region
	if ev.At.IsZero() {
		ev.At = at
	}
	return appendAudit(ctx, tx, ev)
}

// newRecordID returns prefix and 26 random base32 letters (128 bits).
func newRecordID(prefix string) string { return prefix + strings.ToLower(rand.Text()) }

// nowMicro is the store's clock as TIMESTAMPTZ keeps it: microseconds, UTC.
func (db *DB) nowMicro() time.Time { return db.Now().UTC().Truncate(time.Microsecond) }

// encodeForm is a form as stored: a JSON object, {} for none.
func encodeForm(form map[string]string) string {
	if form == nil {
		form = map[string]string{}
	}
	b, _ := json.Marshal(form) // a map of strings always encodes
	return string(b)
}

// decodeForm reads a stored form; an empty one is nil.
func decodeForm(b []byte) (map[string]string, error) {
	var form map[string]string
	if err := json.Unmarshal(b, &form); err != nil || len(form) == 0 {
		return nil, err
	}
	return form, nil
}
