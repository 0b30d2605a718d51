package huiqi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AuditEntry is one entry of the append-only audit log. Each entry carries
// the hash of the one before, so removing or altering any entry breaks the
// chain from there on (VerifyAudit). Stores append the entry in the same
// transaction as the change it records: a change without its entry cannot
// be committed.
type AuditEntry struct {
	Seq    int64     `json:"seq"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`  // user ID, or "system"
	Action string    `json:"action"` // e.g. application.submit
	Object string    `json:"object"` // e.g. application:ap_x7…
	Region string    `json:"region,omitempty"`
	// Detail is what changed, as the caller wrote it (often JSON).
	Detail   string `json:"detail,omitempty"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// AuditGenesis is the PrevHash of the first entry.
const AuditGenesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Seal sets e.Seq, e.PrevHash and e.Hash to follow prev (nil for the first
// entry) and truncates e.At to microseconds in UTC, which every store keeps
// exactly.
func (e *AuditEntry) Seal(prev *AuditEntry) {
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Seq, e.PrevHash = 1, AuditGenesis
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.Hash = e.ComputeHash()
}

// ComputeHash returns the SHA-256 of the entry's fields and PrevHash, each
// length-prefixed so no two entries share an encoding.
func (e *AuditEntry) ComputeHash() string {
	var b strings.Builder
	for _, f := range []string{strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano),
		e.Actor, e.Action, e.Object, e.Region, e.Detail, e.PrevHash} {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// AuditVerifier checks a log entry by entry, in order.
type AuditVerifier struct {
	prev *AuditEntry
	n    int64
}

// Next checks e against the entry before it: a sequence without gaps, the
// previous hash, and its own hash.
func (v *AuditVerifier) Next(e AuditEntry) error {
	wantSeq, wantPrev := int64(1), AuditGenesis
	if v.prev != nil {
		wantSeq, wantPrev = v.prev.Seq+1, v.prev.Hash
	}
	switch {
	case e.Seq != wantSeq:
		return Errorf(ECONFLICT, "audit log: entry %d follows entry %d: entry %d is missing", e.Seq, wantSeq-1, wantSeq)
	case e.PrevHash != wantPrev:
		return Errorf(ECONFLICT, "audit log: entry %d does not carry the hash of entry %d", e.Seq, wantSeq-1)
	case e.ComputeHash() != e.Hash:
		return Errorf(ECONFLICT, "audit log: entry %d (%s %s) was altered: its hash does not match its content", e.Seq, e.Action, e.Object)
	}
	v.prev, v.n = &e, v.n+1
	return nil
}

// Count returns how many entries were checked.
func (v *AuditVerifier) Count() int64 { return v.n }

// Last returns the last entry checked, or nil.
func (v *AuditVerifier) Last() *AuditEntry { return v.prev }

// AuditLog is the append-only log. Implementations: sqlite and postgres;
// storetest.RunAudit is the suite.
type AuditLog interface {
	// AppendAudit seals and appends one entry on its own (sign-ins,
	// sign-outs); changes to records append theirs in their own
	// transaction.
	AppendAudit(ctx context.Context, e *AuditEntry) error
	// AuditEntries returns up to limit entries with Seq > after, in order.
	AuditEntries(ctx context.Context, after int64, limit int) ([]AuditEntry, error)
}

// String renders e on one line for the CLI.
func (e AuditEntry) String() string {
	return fmt.Sprintf("%d %s %s %s %s", e.Seq, e.At.Format(time.RFC3339), e.Actor, e.Action, e.Object)
}
