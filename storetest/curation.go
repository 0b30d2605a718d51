package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// AuditedCuration is a policy store that keeps curations, with its audit
// log, which the suite reads to check that every curation left its entry.
type AuditedCuration interface {
	huiqi.PolicyStore
	huiqi.CurationStore
	huiqi.AuditLog
}

// RunCuration runs the suite of huiqi.CurationStore; open returns a new,
// empty store (its audit log may hold earlier entries), closed by the
// suite.
func RunCuration(t *testing.T, open func(t *testing.T) AuditedCuration) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s AuditedCuration)
	}{
		{"CuratePolicy", testCuratePolicy},
		{"CurateConflict", testCurateConflict},
		{"CurateInvalid", testCurateInvalid},
		{"IngestAfterCuration", testIngestAfterCuration},
		{"Rules", testCuratedRules},
		{"RulesInvalid", testCuratedRulesInvalid},
		{"DeleteCascades", testCurationDelete},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// clonePolicy returns a deep copy of p through its export JSON.
func clonePolicy(t *testing.T, p *huiqi.Policy) *huiqi.Policy {
	t.Helper()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q huiqi.Policy
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	return &q
}

// curationEvent is the audit entry of an officer's curation.
func curationEvent(action, object string) *huiqi.AuditEntry {
	return &huiqi.AuditEntry{Actor: "u_officer", Action: action, Object: object, Region: "330402", Detail: "测试"}
}

// lastAudit verifies the whole log and returns its last entry.
func lastAudit(t *testing.T, l huiqi.AuditLog) huiqi.AuditEntry {
	t.Helper()
	v, err := VerifyAudit(context.Background(), l)
	if err != nil {
		t.Fatalf("verify audit log: %v", err)
	}
	if v.Last() == nil {
		t.Fatal("audit log is empty")
	}
	return *v.Last()
}
