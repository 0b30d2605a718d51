package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// RunAudit runs the suite of huiqi.AuditLog; open returns a new store with
// an empty log, closed by the suite.
func RunAudit(t *testing.T, open func(t *testing.T) huiqi.AuditLog) {
	tests := []struct {
		name string
		fn   func(t *testing.T, l huiqi.AuditLog)
	}{
		{"First", testAuditFirst},
		{"Chain", testAuditChain},
		{"Paging", testAuditPaging},
		{"GivenTime", testAuditGivenTime},
		{"Invalid", testAuditInvalid},
		{"Concurrent", testAuditConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := open(t)
			t.Cleanup(func() { closeStore(t, l) })
			tt.fn(t, l)
		})
	}
}

// closeStore closes s when it can be closed.
func closeStore(t *testing.T, s any) {
	if c, ok := s.(interface{ Close() error }); ok {
		if err := c.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}
}

// VerifyAudit reads the whole log page by page and checks its chain. It
// returns the verifier (Count, Last) and the first break.
func VerifyAudit(ctx context.Context, l huiqi.AuditLog) (*huiqi.AuditVerifier, error) {
	v := &huiqi.AuditVerifier{}
	var after int64
	for {
		es, err := l.AuditEntries(ctx, after, 100)
		if err != nil || len(es) == 0 {
			return v, err
		}
		for _, e := range es {
			if err := v.Next(e); err != nil {
				return v, err
			}
		}
		after = es[len(es)-1].Seq
	}
}

// mustVerifyAudit fails the test unless the log holds a sound chain of
// want entries.
func mustVerifyAudit(t *testing.T, l huiqi.AuditLog, want int64) []huiqi.AuditEntry {
	t.Helper()
	v, err := VerifyAudit(context.Background(), l)
	if err != nil {
		t.Fatalf("verify audit log: %v", err)
	}
	if v.Count() != want {
		t.Fatalf("audit log has %d entries, want %d", v.Count(), want)
	}
	es, err := l.AuditEntries(context.Background(), 0, int(want)+1)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func appendAudit(t *testing.T, l huiqi.AuditLog, e *huiqi.AuditEntry) {
	t.Helper()
	if err := l.AppendAudit(context.Background(), e); err != nil {
		t.Fatalf("AppendAudit(%s %s): %v", e.Action, e.Object, err)
	}
}
