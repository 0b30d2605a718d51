package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// AuditTamper is a change made to the audit_log table behind the store's
// back, and what the verifier must then say.
type AuditTamper struct {
	Name string
	SQL  string // runs on a log of AuditTamperEntries entries
	Want string // in the verifier's error
}

// AuditTamperEntries is how many entries FillAuditLog appends.
const AuditTamperEntries = 5

// AuditTampers are the changes every backend's log must expose. The SQL is
// the same in both dialects.
var AuditTampers = []AuditTamper{
	{"AlterDetail", `UPDATE audit_log SET detail = '{"amount":1}' WHERE seq = 3`,
		"entry 3 (test.tamper object:3) was altered"},
	{"AlterActor", `UPDATE audit_log SET actor = 'u_someone' WHERE seq = 5`,
		"entry 5 (test.tamper object:5) was altered"},
	{"DeleteMiddle", `DELETE FROM audit_log WHERE seq = 3`,
		"entry 4 follows entry 2: entry 3 is missing"},
	{"RehashMiddle", `UPDATE audit_log SET hash = '` + strings.Repeat("ab", 32) + `' WHERE seq = 2`,
		"entry 2 (test.tamper object:2) was altered"},
	{"RelinkMiddle", `UPDATE audit_log SET prev_hash = '` + strings.Repeat("cd", 32) + `' WHERE seq = 4`,
		"entry 4 does not carry the hash of entry 3"},
	{"DeleteFirst", `DELETE FROM audit_log WHERE seq = 1`,
		"entry 2 follows entry 0: entry 1 is missing"},
}

// FillAuditLog appends AuditTamperEntries entries and checks the chain.
func FillAuditLog(t *testing.T, l huiqi.AuditLog) {
	t.Helper()
	for i := 1; i <= AuditTamperEntries; i++ {
		appendAudit(t, l, &huiqi.AuditEntry{Actor: "u_a", Action: "test.tamper", Object: fmt.Sprintf("object:%d", i),
			Detail: `{"amount":100}`})
	}
	mustVerifyAudit(t, l, AuditTamperEntries)
}

// CheckTampered fails unless verifying l reports the tamper tp.
func CheckTampered(t *testing.T, l huiqi.AuditLog, tp AuditTamper) {
	t.Helper()
	_, err := VerifyAudit(context.Background(), l)
	if huiqi.ErrorCode(err) != huiqi.ECONFLICT || !strings.Contains(err.Error(), tp.Want) {
		t.Errorf("%s: verify says %v, want a conflict saying %q", tp.Name, err, tp.Want)
	}
}
