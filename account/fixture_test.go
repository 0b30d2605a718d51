package account

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sms"
)

// fixture is a service over a real store, sending codes to the store's
// outbox, with a clock the test moves.
type fixture struct {
	t   testing.TB
	ctx context.Context
	db  store
	svc *Service

	mu  sync.Mutex
	now time.Time
}

// newFixture makes the fixture over db; setNow sets the store's clock.
func newFixture(t testing.TB, db store, setNow func(func() time.Time)) *fixture {
	t.Helper()
	t.Cleanup(func() { db.Close() })
	f := &fixture{t: t, ctx: context.Background(), db: db, now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	setNow(f.clock)
	sender := &sms.LogSender{Outbox: db, Now: f.clock}
	var err error
	f.svc, err = New(db, db, sender, Config{Secret: []byte(strings.Repeat("k", 32)), Now: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

var sentCode = regexp.MustCompile(`^【惠企】您的验证码为 ([0-9]{6})，5 分钟内有效。请勿泄露。$`)

// code requests a sign-in code for phone and returns it as the outbox
// received it.
func (f *fixture) code(phone string) string {
	f.t.Helper()
	if err := f.svc.RequestCode(f.ctx, phone, huiqi.CodeSignIn, "203.0.113.7"); err != nil {
		f.t.Fatal(err)
	}
	return f.lastCode(phone)
}

// lastCode returns the code of the newest message in the outbox.
func (f *fixture) lastCode(phone string) string {
	f.t.Helper()
	msgs, err := f.db.Outbox(f.ctx, 1)
	if err != nil || len(msgs) != 1 {
		f.t.Fatalf("outbox: %v, %v", msgs, err)
	}
	m := sentCode.FindStringSubmatch(msgs[0].Text)
	if m == nil || msgs[0].Phone != phone {
		f.t.Fatalf("outbox message to %s: %q", msgs[0].Phone, msgs[0].Text)
	}
	return m[1]
}

// staff adds a staff member with the password "correct horse battery".
func (f *fixture) staff(username string, role huiqi.Role, regions ...string) *huiqi.User {
	f.t.Helper()
	u, err := NewStaff(username, "王力", role, regions, "", "correct horse battery")
	if err != nil {
		f.t.Fatal(err)
	}
	if err := CreateStaff(f.ctx, f.db, "system", u, f.clock()); err != nil {
		f.t.Fatal(err)
	}
	return u
}

// wantCode fails unless err carries the domain code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if huiqi.ErrorCode(err) != code {
		t.Fatalf("%s: error %v (%s), want %s", what, err, huiqi.ErrorCode(err), code)
	}
}

// audit returns every audit entry, checking the chain.
func (f *fixture) audit() []huiqi.AuditEntry {
	f.t.Helper()
	es, err := f.db.AuditEntries(f.ctx, 0, 1000)
	if err != nil {
		f.t.Fatal(err)
	}
	var v huiqi.AuditVerifier
	for _, e := range es {
		if err := v.Next(e); err != nil {
			f.t.Fatal(err)
		}
	}
	return es
}

// actions lists the audit log's actions with their objects.
func (f *fixture) actions() []string {
	var out []string
	for _, e := range f.audit() {
		out = append(out, e.Action+" "+e.Object)
	}
	return out
}
