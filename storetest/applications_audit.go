package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// auditWatch follows the audit log of a store under test: each write must
// leave exactly one entry, and the whole chain must verify after it.
type auditWatch struct {
	log  huiqi.AuditLog
	seen int
}

func watchAudit(t *testing.T, log huiqi.AuditLog) *auditWatch {
	t.Helper()
	w := &auditWatch{log: log}
	w.seen = len(w.verified(t))
	return w
}

// verified reads the whole log and checks its chain.
func (w *auditWatch) verified(t *testing.T) []huiqi.AuditEntry {
	t.Helper()
	var all []huiqi.AuditEntry
	var v huiqi.AuditVerifier
	for {
		var after int64
		if len(all) > 0 {
			after = all[len(all)-1].Seq
		}
		page, err := w.log.AuditEntries(context.Background(), after, 500)
		if err != nil {
			t.Fatalf("AuditEntries(%d): %v", after, err)
		}
		for _, e := range page {
			if err := v.Next(e); err != nil {
				t.Fatalf("audit chain: %v", err)
			}
		}
		all = append(all, page...)
		if len(page) < 500 {
			return all
		}
	}
}

// expect checks that the writes since the last check left exactly one
// entry, with this action, object and region.
func (w *auditWatch) expect(t *testing.T, action, object, region string) huiqi.AuditEntry {
	t.Helper()
	all := w.verified(t)
	added := all[w.seen:]
	w.seen = len(all)
	if len(added) != 1 {
		t.Fatalf("%s %s left %d audit entries, want 1: %v", action, object, len(added), added)
	}
	e := added[0]
	if e.Action != action || e.Object != object || e.Region != region {
		t.Errorf("audit entry %q %q region %q, want %q %q region %q", e.Action, e.Object, e.Region, action, object, region)
	}
	return e
}

// expectNone checks that a failed write left no entry.
func (w *auditWatch) expectNone(t *testing.T, what string) {
	t.Helper()
	all := w.verified(t)
	if added := all[w.seen:]; len(added) != 0 {
		t.Errorf("%s left %d audit entries, want none: %v", what, len(added), added)
	}
	w.seen = len(all)
}

// event is the audit entry a caller hands to a write.
func event(actor, action string) *huiqi.AuditEntry {
	return &huiqi.AuditEntry{Actor: actor, Action: action, Detail: `{"by":"storetest"}`}
}
