package storekit

import "time"

// CodeKeep is how long an expired SMS code is kept: the per-day issue
// limits count every code issued in the last 24 hours, so a code may go
// only once it is older than that.
const CodeKeep = 24 * time.Hour

// PurgeCodesBefore is the expiry before which PurgeExpired deletes a code
// at now. A code expires after it is issued, so one that expired before
// this time was issued before the last day's limits window.
func PurgeCodesBefore(now time.Time) time.Time { return Micro(now.Add(-CodeKeep)) }
