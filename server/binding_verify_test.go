package server_test

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// verifyBinding verifies u's claim to the enterprise code as the command
// line would, so that u acts for it.
func verifyBinding(t *testing.T, ps *platformSite, u *huiqi.User, code string) {
	t.Helper()
	ev := &huiqi.AuditEntry{At: ps.clock(), Actor: "system", Action: "binding.verify", Object: "user:" + u.ID}
	if err := ps.Store.VerifyBinding(context.Background(), u.ID, code, ev); err != nil {
		t.Fatalf("verify the claim of %s to %s: %v", u.ID, code, err)
	}
}
