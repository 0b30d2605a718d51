package storekit

import (
	"testing"
	"time"
)

func TestPurgeCodesBefore(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 5, 3, 8, 0, 0, 123456789, time.FixedZone("CST", 8*3600))
	got := PurgeCodesBefore(now)
	want := time.Date(2026, 5, 2, 0, 0, 0, 123456000, time.UTC) // a day before, UTC, to the microsecond
	if !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("PurgeCodesBefore(%v) = %v, want %v", now, got, want)
	}
}
