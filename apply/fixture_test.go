package apply

import (
	"context"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/propose"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/sms"
)

// Credit codes of the enterprises in the tests.
const (
	ownCode   = "91510100MA61R8XK2Q"
	otherCode = "91510104MA6CXXXX1K"
)

// fixture is the service over a real SQLite store holding the demo corpus,
// with an enterprise user bound to ownCode, another bound to otherCode,
// reviewers inside and outside the region of the measure applied for, an
// administrator and an officer, and a clock the test moves.
type fixture struct {
	t   *testing.T
	ctx context.Context
	db  store
	svc *Service

	owner, other, reviewer, far, admin, officer *huiqi.User
	// policy and measure: a local measure with a maximum amount.
	policy  *huiqi.Policy
	measure *propose.Proposal
	maxYuan int64

	mu  sync.Mutex
	now time.Time
}

// store is what the service runs over; both backends are one.
type store interface {
	huiqi.PolicyStore
	huiqi.ProfileStore
	huiqi.ApplicationStore
	huiqi.AccountStore
	huiqi.ConsultStore
	huiqi.AuditLog
}

// newFixture makes the fixture over db, a new store; setNow sets the
// store's clock.
func newFixture(t *testing.T, db store, setNow func(func() time.Time)) *fixture {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { db.Close() })
	f := &fixture{t: t, ctx: ctx, db: db, now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	setNow(f.clock)
	f.saveCorpus()
	sender := &sms.LogSender{Outbox: db, Now: f.clock, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	acc, err := account.New(db, db, sender, account.Config{Secret: []byte(strings.Repeat("k", 32)), Now: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	f.svc = &Service{Apps: db, Accounts: acc, Users: db, Policies: db, Profiles: db,
		Matcher: match.NewCache(db, nil), Now: f.clock, Threads: db}
	f.pickMeasure()
	region := f.policy.Region.Code
	f.owner = f.enterpriseUser("13800138000", ownCode, "成都某某科技有限公司")
	f.saveProfile(f.owner, huiqi.Enterprise{Name: "成都某某科技有限公司", CreditCode: ownCode, RegionCode: region})
	f.other = f.enterpriseUser("13800138001", otherCode, "成都另一家有限公司")
	f.reviewer = f.staff("reviewer", huiqi.RoleReviewer, region)
	f.far = f.staff("far", huiqi.RoleReviewer, farRegion(region))
	f.admin = f.staff("admin", huiqi.RoleAdmin)
	f.officer = f.staff("officer", huiqi.RoleOfficer, region)
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

// saveCorpus stores the demo corpus.
func (f *fixture) saveCorpus() {
	corpus, err := searchtest.Corpus()
	if err != nil {
		f.t.Fatal(err)
	}
	for _, p := range corpus {
		c := *p
		c.Source.SHA256, c.Source.Size = huiqi.TextHash(c.Text), int64(len(c.Text))
		if _, err := f.db.SavePolicy(f.ctx, &c, []byte(c.Text)); err != nil {
			f.t.Fatal(err)
		}
	}
}

// pickMeasure picks the first local policy with a fixed or bounded
// measure for enterprises.
func (f *fixture) pickMeasure() {
	list, _, err := f.db.ListPolicies(f.ctx, huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		f.t.Fatal(err)
	}
	for _, s := range list {
		p, err := f.db.FindPolicy(f.ctx, s.ID)
		if err != nil {
			f.t.Fatal(err)
		}
		if p.Draft || p.Region == nil || len(p.Region.Code) != 6 || p.Region.Code == propose.National {
			continue
		}
		for _, pr := range propose.Propose(p) {
			m := &measure{policy: p, prop: pr}
			if hi, ok := m.maxYuan(); ok && pr.Applicant == huiqi.BeneficiaryEnterprise && hi > 0 && f.listed(p.Region.Code, pr.ID) {
				f.policy, f.measure, f.maxYuan = p, pr, hi
				return
			}
		}
	}
	f.t.Fatal("the demo corpus has no local measure with a maximum amount")
}

// listed reports whether the match of an enterprise of region lists the
// measure id: it is in force on the fixture's day.
func (f *fixture) listed(region, id string) bool {
	r, err := f.svc.matchOne(f.ctx, &huiqi.Enterprise{RegionCode: region}, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return r != nil
}

// farRegion is a region outside code: another province.
func farRegion(code string) string {
	if strings.HasPrefix(code, "11") {
		return "310000"
	}
	return "110000"
}

func (f *fixture) enterpriseUser(phone, code, name string) *huiqi.User {
	f.t.Helper()
	u := &huiqi.User{Phone: phone, Role: huiqi.RoleEnterprise, Name: "张三"}
	if err := f.db.CreateUser(f.ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
		f.t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: name}
	if err := f.db.BindEnterprise(f.ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "enterprise.bind", Object: "enterprise:" + code}); err != nil {
		f.t.Fatal(err)
	}
	if err := f.db.VerifyBinding(f.ctx, u.ID, code, &huiqi.AuditEntry{Actor: "system", Action: "binding.verify"}); err != nil {
		f.t.Fatal(err)
	}
	return u
}

// saveProfile saves u's enterprise profile, as 我的企业 does for a
// signed-in user.
func (f *fixture) saveProfile(u *huiqi.User, e huiqi.Enterprise) {
	f.t.Helper()
	if err := f.db.SaveProfile(f.ctx, &huiqi.SavedProfile{Key: "user:" + u.ID, Profile: e}); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) staff(username string, role huiqi.Role, regions ...string) *huiqi.User {
	f.t.Helper()
	u, err := account.NewStaff(username, "王力", role, regions, "", "correct horse battery")
	if err != nil {
		f.t.Fatal(err)
	}
	if err := account.CreateStaff(f.ctx, f.db, "system", u, f.clock()); err != nil {
		f.t.Fatal(err)
	}
	return u
}

// start opens an application of the owner for the fixture's measure.
func (f *fixture) start() *huiqi.Application {
	f.t.Helper()
	a, _, err := f.svc.Start(f.ctx, f.owner, ownCode, f.policy.ID, f.measure.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return a
}

var sentCode = regexp.MustCompile(`验证码为 ([0-9]{6})`)

// submitCode requests a submit code for u and returns it from the outbox.
func (f *fixture) submitCode(u *huiqi.User, id string) string {
	f.t.Helper()
	if err := f.svc.RequestSubmitCode(f.ctx, u, id, "203.0.113.7"); err != nil {
		f.t.Fatal(err)
	}
	msgs, err := f.db.Outbox(f.ctx, 1)
	if err != nil || len(msgs) != 1 || msgs[0].Phone != u.Phone {
		f.t.Fatalf("outbox: %+v, %v", msgs, err)
	}
	m := sentCode.FindStringSubmatch(msgs[0].Text)
	if m == nil || !strings.Contains(msgs[0].Text, "提交申报") {
		f.t.Fatalf("outbox message %q carries no submit code", msgs[0].Text)
	}
	f.advance(61 * time.Second) // past the interval between codes
	return m[1]
}

// submit submits the owner's application with a fresh code.
func (f *fixture) submit(id string) *huiqi.Application {
	f.t.Helper()
	a, err := f.svc.Submit(f.ctx, f.owner, id, 0, f.submitCode(f.owner, id))
	if err != nil {
		f.t.Fatal(err)
	}
	return a
}

// move makes a reviewer's move, failing the test on an error.
func (f *fixture) move(u *huiqi.User, id string, mv Move) *huiqi.Application {
	f.t.Helper()
	a, err := f.svc.Review(f.ctx, u, id, mv)
	if err != nil {
		f.t.Fatalf("%s %s: %v", u.Username, mv.Action, err)
	}
	return a
}

// wantCode fails unless err carries the domain code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if huiqi.ErrorCode(err) != code {
		t.Fatalf("%s: error %v (%s), want %s", what, err, huiqi.ErrorCode(err), code)
	}
}

// audit returns the audit log's entries about applications, the chain
// checked.
func (f *fixture) audit() []huiqi.AuditEntry {
	f.t.Helper()
	es, err := f.db.AuditEntries(f.ctx, 0, 10000)
	if err != nil {
		f.t.Fatal(err)
	}
	var v huiqi.AuditVerifier
	var out []huiqi.AuditEntry
	for _, e := range es {
		if err := v.Next(e); err != nil {
			f.t.Fatal(err)
		}
		if strings.HasPrefix(e.Action, "application.") {
			out = append(out, e)
		}
	}
	return out
}
