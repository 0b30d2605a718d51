package account

import (
	"testing"
	"time"
)

func TestFailures(t *testing.T) {
	t.Parallel()
	f := newFailures(3, 15*time.Minute)
	t0 := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if b, _ := f.blocked("Wang", t0); b {
			t.Fatalf("blocked after %d failures", i)
		}
		f.add("wang", t0.Add(time.Duration(i)*time.Minute))
	}
	b, until := f.blocked("WANG", t0.Add(3*time.Minute))
	if !b || !until.Equal(t0.Add(15*time.Minute)) {
		t.Errorf("after 3 failures: blocked %v until %v", b, until)
	}
	if b, _ := f.blocked("li", t0.Add(3*time.Minute)); b {
		t.Error("another name is blocked too")
	}
	// The first failure leaves the window at 09:15: two remain, one more try.
	if b, _ := f.blocked("wang", t0.Add(15*time.Minute)); b {
		t.Error("still blocked once the first failure left the window")
	}
	f.add("wang", t0.Add(15*time.Minute))
	if b, until := f.blocked("wang", t0.Add(15*time.Minute)); !b || !until.Equal(t0.Add(16*time.Minute)) {
		t.Errorf("blocked %v until %v, want until 09:16", b, until)
	}
	f.reset("Wang")
	if b, _ := f.blocked("wang", t0.Add(16*time.Minute)); b {
		t.Error("blocked after reset")
	}
}
