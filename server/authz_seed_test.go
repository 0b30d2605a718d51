package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// actor is who asks in the authorization matrix.
type actor int

// The actors: nobody; enterprise users A (whose application, files and
// consultation are seeded) and B (of another enterprise); officers and
// reviewers of A's region (Zhejiang) and of another (Sichuan); an
// administrator.
const (
	nobody actor = iota
	entA
	entB
	offX
	offY
	revX
	revY
	admin
	nActors
)

var actorNames = [nActors]string{"nobody", "A", "B", "officer X", "officer Y", "reviewer X", "reviewer Y", "admin"}

func (a actor) String() string { return actorNames[a] }

// bCredit is B's enterprise, verified.
const bCredit = "91510100MA61R5XN3K"

// authzSeed is the site with the seeded data and a signed-in browser and
// an API token of every actor.
type authzSeed struct {
	ps    *platformSite
	v     [nActors]*visitor
	token [nActors]string
	user  [nActors]*huiqi.User
	// A's submitted application with a file, A's draft with two files
	// (the second for the removal row), and B's submitted application.
	submitted, subFile, draft, draftFile, draftFile2, appB string
	// A's consultation, the policy it asks about (in region X) and a
	// measure of the policy.
	thread, policy, measure string
	// claimant and colleague have pending claims to A's enterprise (the
	// one for officers, the other for A to confirm); tokenA is an API
	// token of A; spare is a staff member the administrator may disable.
	claimant, colleague, tokenA, spare string
}

// seedAuthz builds the site and the data of the matrix.
func seedAuthz(t *testing.T) *authzSeed {
	t.Helper()
	ps := servePlatform(t)
	s := &authzSeed{ps: ps}
	ctx := context.Background()
	var path string
	s.v[entA], s.user[entA] = applicant(t, ps, "13800138051")
	path = startApplication(t, s.v[entA])
	s.submitted = strings.TrimPrefix(path, "/applications/")
	_, page := s.v[entA].get(path)
	if res, body := s.v[entA].upload(path+"/files", pageCSRF(t, page), "营业执照.png", pngBytes(t)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("attach: %d %s", res.StatusCode, errorText(body))
	}
	_, page = s.v[entA].get(path)
	s.v[entA].postForm(path, url.Values{"csrf": {pageCSRF(t, page)}, "revision": {revisionOf(page)}, "f.contact_name": {"李四"}})
	submit(t, ps, s.v[entA], path, "13800138051")
	a := s.find(s.submitted)
	s.subFile = a.Attachments[0].ID
	s.policy, s.measure = a.PolicyID, a.MeasureID
	if !strings.HasPrefix(a.RegionCode, "33") {
		t.Fatalf("the seeded application is of region %q, not Zhejiang", a.RegionCode)
	}
	d := &huiqi.Application{UserID: s.user[entA].ID, CreditCode: applyCredit, PolicyID: a.PolicyID, PolicyVersion: a.PolicyVersion,
		MeasureID: a.MeasureID + "_draft", MeasureName: "草稿措施", RegionCode: a.RegionCode, Status: huiqi.AppDraft, Form: map[string]string{}}
	if err := ps.Store.CreateApplication(ctx, d, &huiqi.AuditEntry{Actor: "test", Action: "application.create"}); err != nil {
		t.Fatal(err)
	}
	s.draft = d.ID
	s.draftFile = s.attach(s.draft)
	s.draftFile2 = s.attach(s.draft)

	s.v[entB] = newVisitor(t, ps.URL)
	ps.signIn(s.v[entB], "13800138052")
	s.user[entB] = s.bind("13800138052", bCredit, "510105")
	b := &huiqi.Application{UserID: s.user[entB].ID, CreditCode: bCredit, PolicyID: a.PolicyID, PolicyVersion: a.PolicyVersion,
		MeasureID: a.MeasureID, MeasureName: "B 的措施", RegionCode: "510105", Status: huiqi.AppSubmitted, Form: map[string]string{}}
	if err := ps.Store.CreateApplication(ctx, b, &huiqi.AuditEntry{Actor: "test", Action: "application.create"}); err != nil {
		t.Fatal(err)
	}
	s.appB = b.ID

	thread := policyFromFile(t, ps.Site.Store, consultFile)
	s.thread = handoff(t, s.v[entA], thread.ID, consultQuestion)

	for _, st := range []struct {
		who     actor
		name    string
		role    huiqi.Role
		regions []string
	}{{offX, "off.x", huiqi.RoleOfficer, []string{"330000"}}, {offY, "off.y", huiqi.RoleOfficer, []string{"510000"}},
		{revX, "rev.x", huiqi.RoleReviewer, []string{"330000"}}, {revY, "rev.y", huiqi.RoleReviewer, []string{"510000"}},
		{admin, "root", huiqi.RoleAdmin, nil}} {
		s.user[st.who] = ps.staff(st.name, st.role, st.regions...)
		s.v[st.who] = newVisitor(t, ps.URL)
		ps.signInStaff(s.v[st.who], st.name)
	}
	s.v[nobody] = newVisitor(t, ps.URL)
	s.spare = ps.staff("spare", huiqi.RoleOfficer, "330000").ID

	ps.advance(61 * time.Second)
	c := newVisitor(t, ps.URL)
	ps.signIn(c, "13800138053")
	if res, _ := claimForm(c, "330402"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the claimant's claim: %d", res.StatusCode)
	}
	s.claimant = userIDOf(t, ps, "13800138053")
	d2 := newVisitor(t, ps.URL)
	ps.signIn(d2, "13800138054")
	if res, _ := claimForm(d2, "330402"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the colleague's claim: %d", res.StatusCode)
	}
	s.colleague = userIDOf(t, ps, "13800138054")

	for w := entA; w < nActors; w++ {
		tok, rec, err := ps.Accounts.NewToken(ctx, s.user[w].ID, "对接")
		if err != nil {
			t.Fatal(err)
		}
		s.token[w] = tok
		if w == entA {
			s.tokenA = rec.ID
		}
	}
	return s
}

// signInAgain gives every actor but nobody a new browser, signed in.
func (s *authzSeed) signInAgain(t *testing.T) {
	t.Helper()
	s.ps.advance(61 * time.Second) // past the interval between codes to one number
	for a := entA; a < nActors; a++ {
		s.v[a] = newVisitor(t, s.ps.URL)
		if s.user[a].Role == huiqi.RoleEnterprise {
			s.ps.signIn(s.v[a], s.user[a].Phone)
		} else {
			s.ps.signInStaff(s.v[a], s.user[a].Username)
		}
	}
}

// signedOut fails unless every actor's browser is signed out.
func (s *authzSeed) signedOut(t *testing.T, after string) {
	t.Helper()
	for a := entA; a < nActors; a++ {
		if res, _ := s.v[a].get("/account"); !outcome(res, L) {
			t.Errorf("after %s, %s is still signed in: %d", after, a, res.StatusCode)
		}
	}
}

// find returns the stored application id.
func (s *authzSeed) find(id string) *huiqi.Application {
	s.ps.t.Helper()
	a, err := s.ps.Store.FindApplication(context.Background(), id)
	if err != nil {
		s.ps.t.Fatal(err)
	}
	return a
}

// attach stores a file of the application and returns its ID.
func (s *authzSeed) attach(appID string) string {
	s.ps.t.Helper()
	att := &huiqi.Attachment{Name: "证明.png", ContentType: "image/png"}
	data := pngBytes(s.ps.t.(*testing.T))
	if err := s.ps.Store.AddAttachment(context.Background(), appID, att, data, 0, &huiqi.AuditEntry{Actor: "test", Action: "application.attach"}); err != nil {
		s.ps.t.Fatal(err)
	}
	return att.ID
}

// bind binds the user with the phone to the enterprise code, verified.
func (s *authzSeed) bind(phone, code, region string) *huiqi.User {
	s.ps.t.Helper()
	ctx := context.Background()
	u, err := s.ps.Store.FindUserByPhone(ctx, phone)
	if err != nil {
		s.ps.t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: "成都乙科技有限公司", RegionCode: region}
	if err := s.ps.Store.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "binding.claim"}); err != nil {
		s.ps.t.Fatal(err)
	}
	verifyBinding(s.ps.t.(*testing.T), s.ps, u, code)
	return u
}

// form is fields besides the CSRF token.
func form(kv ...string) url.Values { return consultForm(kv...) }
