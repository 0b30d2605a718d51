package account

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// store is what the service runs over; both backends are one.
type store interface {
	huiqi.AccountStore
	huiqi.AuditLog
	Close() error
}

// scenarios run against each backend.
var scenarios = []struct {
	name string
	fn   func(t *testing.T, f *fixture)
}{
	{"SignInWithCode", testSignInWithCode},
	{"CodeTries", testCodeTries},
	{"CodeExpires", testCodeExpires},
	{"CodePurposeAndNumber", testCodePurposeAndNumber},
	{"RequestCodeLimits", testRequestCodeLimits},
	{"CreateEnterpriseUserParallel", testCreateEnterpriseUserParallel},
	{"SignInWithPassword", testSignInWithPassword},
	{"PasswordFailureLimit", testPasswordFailureLimit},
	{"AddressFailureLimit", testAddressFailureLimit},
	{"DisabledUser", testDisabledUser},
	{"SetPassword", testSetPassword},
	{"SessionLifetime", testSessionLifetime},
	{"SignOut", testSignOut},
	{"Tokens", testTokens},
	{"ActsFor", testActsFor},
	{"VerifyBinding", testVerifyBinding},
	{"AuditEntries", testAuditEntries},
}

func TestSQLite(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			db, err := sqlite.Open(context.Background(), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			sc.fn(t, newFixture(t, db, func(now func() time.Time) { db.Now = now }))
		})
	}
}

func TestPostgres(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			db, err := postgres.Open(context.Background(), pgtest.NewDatabase(t))
			if err != nil {
				t.Fatal(err)
			}
			sc.fn(t, newFixture(t, db, func(now func() time.Time) { db.Now = now }))
		})
	}
}
