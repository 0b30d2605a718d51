package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Accounts is what RunAccounts tests: the account store and the audit log
// its changes append to.
type Accounts interface {
	huiqi.AccountStore
	huiqi.AuditLog
}

// RunAccounts runs the suite of huiqi.AccountStore; open returns a new,
// empty store (accounts and audit log), closed by the suite.
func RunAccounts(t *testing.T, open func(t *testing.T) Accounts) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s Accounts)
	}{
		{"UserCreateFind", testUserCreateFind},
		{"UserUpdate", testUserUpdate},
		{"UserConflicts", testUserConflicts},
		{"UserConcurrentSamePhone", testUserConcurrentSamePhone},
		{"UserInvalid", testUserInvalid},
		{"ListUsers", testListUsers},
		{"Bindings", testBindings},
		{"BindingVerify", testBindingVerify},
		{"CodeInterval", testCodeInterval},
		{"CodePerDay", testCodePerDay},
		{"CodePerIP", testCodePerIP},
		{"CodeReplace", testCodeReplace},
		{"CodeExpiry", testCodeExpiry},
		{"CodeTries", testCodeTries},
		{"CodeConcurrentTries", testCodeConcurrentTries},
		{"CodeInvalid", testCodeInvalid},
		{"CodeBurstOnePhone", testCodeBurstOnePhone},
		{"CodeBurstOneIP", testCodeBurstOneIP},
		{"Sessions", testSessions},
		{"SessionsOfUser", testSessionsOfUser},
		{"PurgeExpired", testPurgeExpired},
		{"Tokens", testTokens},
		{"TokenInvalid", testTokenInvalid},
		{"Outbox", testOutbox},
		{"AuditedWrites", testAuditedWrites},
		{"AuditedFailures", testAuditedFailures},
		{"AuditedConcurrent", testAuditedConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { closeStore(t, s) })
			tt.fn(t, s)
		})
	}
}

// t0 is the time the code, session and token cases start at.
var t0 = time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)

func createUser(t *testing.T, s huiqi.AccountStore, u *huiqi.User, ev *huiqi.AuditEntry) *huiqi.User {
	t.Helper()
	if err := s.CreateUser(context.Background(), u, ev); err != nil {
		t.Fatalf("CreateUser(%s%s): %v", u.Phone, u.Username, err)
	}
	return u
}

func enterpriseUser(t *testing.T, s huiqi.AccountStore, phone string) *huiqi.User {
	t.Helper()
	return createUser(t, s, &huiqi.User{Phone: phone, Role: huiqi.RoleEnterprise}, nil)
}

func findUser(t *testing.T, s huiqi.AccountStore, id string) *huiqi.User {
	t.Helper()
	u, err := s.FindUser(context.Background(), id)
	if err != nil {
		t.Fatalf("FindUser(%s): %v", id, err)
	}
	return u
}

// auditCount returns how many entries the log holds, checking its chain.
func auditCount(t *testing.T, l huiqi.AuditLog) int64 {
	t.Helper()
	v, err := VerifyAudit(context.Background(), l)
	if err != nil {
		t.Fatalf("verify audit log: %v", err)
	}
	return v.Count()
}
