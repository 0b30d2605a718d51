// Package storetest is the suite every huiqi.PolicyStore passes: the sqlite
// and postgres adapters run it from their tests against a real database.
package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// RowCounter is implemented by stores so that the suite can check that a
// failed save wrote nothing and a delete left nothing behind.
type RowCounter interface {
	// RowCounts returns the number of rows of every table.
	RowCounts(ctx context.Context) (map[string]int, error)
}

// Run runs the suite; open returns a new, empty store, closed by the suite.
func Run(t *testing.T, open func(t *testing.T) huiqi.PolicyStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s huiqi.PolicyStore)
	}{
		{"Create", testCreate},
		{"UnchangedSameFile", testUnchangedSameFile},
		{"UnchangedSameText", testUnchangedSameText},
		{"NewVersion", testNewVersion},
		{"TextOnly", testTextOnly},
		{"SameFileOtherIdentity", testSameFileOtherIdentity},
		{"NotFound", testNotFound},
		{"List", testList},
		{"ListPaging", testListPaging},
		{"ListOrder", testListOrder},
		{"OriginalBytes", testOriginalBytes},
		{"Delete", testDelete},
		{"DeleteSharedFile", testDeleteSharedFile},
		{"InvalidInput", testInvalidInput},
		{"ConcurrentSameIdentity", testConcurrentSameIdentity},
		{"ConcurrentNewVersions", testConcurrentNewVersions},
		{"DeleteRacesSave", testDeleteRacesSave},
		{"RoundTrip", testRoundTrip},
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

// save saves p and fails the test on error or an unexpected outcome.
func save(t *testing.T, s huiqi.PolicyStore, p *huiqi.Policy, raw []byte, want huiqi.SaveOutcome) huiqi.SaveResult {
	t.Helper()
	res, err := s.SavePolicy(context.Background(), p, raw)
	if err != nil {
		t.Fatalf("SavePolicy(%q): %v", p.Title, err)
	}
	if res.Outcome != want {
		t.Fatalf("SavePolicy(%q) outcome = %s, want %s", p.Title, res.Outcome, want)
	}
	if p.ID != res.ID || p.Version != res.Version {
		t.Fatalf("SavePolicy set p.ID, p.Version = %q, %d; result says %q, %d", p.ID, p.Version, res.ID, res.Version)
	}
	return res
}

func rowCounts(t *testing.T, s huiqi.PolicyStore) map[string]int {
	t.Helper()
	rc, ok := s.(RowCounter)
	if !ok {
		t.Fatalf("%T does not implement storetest.RowCounter", s)
	}
	n, err := rc.RowCounts(context.Background())
	if err != nil {
		t.Fatalf("RowCounts: %v", err)
	}
	return n
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := huiqi.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}
