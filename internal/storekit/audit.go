package storekit

import (
	"time"

	"github.com/huiqi-dev/huiqi"
)

// RequireAudit refuses a write without its audit entry.
func RequireAudit(ev *huiqi.AuditEntry, what string) error {
	if ev == nil {
		return huiqi.Errorf(huiqi.EINVALID, "%s: an audit entry is required", what)
	}
	return nil
}

// CheckAudit refuses an entry that does not say who did what.
func CheckAudit(e *huiqi.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return huiqi.Errorf(huiqi.EINVALID, "audit entry %q on %q: actor and action are required", e.Action, e.Object)
	}
	return nil
}

// CheckLimit refuses a listing of what with a limit below one.
func CheckLimit(what string, limit int) error {
	if limit < 1 {
		return huiqi.Errorf(huiqi.EINVALID, "%s: limit %d is not positive", what, limit)
	}
	return nil
}

// WithObject names the object of ev when the caller could not (an ID the
// store assigns).
func WithObject(ev *huiqi.AuditEntry, object string) *huiqi.AuditEntry {
	if ev != nil && ev.Object == "" {
		ev.Object = object
	}
	return ev
}

// ChangeAudit completes ev, which must not be nil, for a change of object
// in region at: the object when the caller left it empty, the region, and
// the time when zero.
func ChangeAudit(ev *huiqi.AuditEntry, object, region string, at time.Time) *huiqi.AuditEntry {
	WithObject(ev, object)
	ev.Region = region
	if ev.At.IsZero() {
		ev.At = at
	}
	return ev
}
