package account

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

const verifyCode = "91510100MA61R5XN3K"

// testVerifyBinding: a claim does not act for the enterprise until an
// officer of its region, an administrator or a verified colleague
// verifies it; officers of other regions, reviewers and the claimant
// itself may not.
func testVerifyBinding(t *testing.T, f *fixture) {
	claimant := f.enterpriseUser("13812345678")
	colleague := f.enterpriseUser("13812345679")
	stranger := f.enterpriseUser("13812345670")
	f.claim(claimant, verifyCode, "510105")
	f.claim(colleague, verifyCode, "510105")
	acts := func(u *huiqi.User) bool {
		t.Helper()
		ok, err := f.svc.ActsFor(f.ctx, u, verifyCode)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if acts(claimant) {
		t.Fatal("an unverified claim acts for the enterprise")
	}
	other := f.staff("li.si", huiqi.RoleOfficer, "330100")
	reviewer := f.staff("zhao.liu", huiqi.RoleReviewer, "510100")
	wantCode(t, "an officer of another region", f.svc.VerifyBinding(f.ctx, other, claimant.ID, verifyCode), huiqi.EFORBIDDEN)
	wantCode(t, "a reviewer", f.svc.VerifyBinding(f.ctx, reviewer, claimant.ID, verifyCode), huiqi.EFORBIDDEN)
	wantCode(t, "the claimant itself", f.svc.VerifyBinding(f.ctx, claimant, claimant.ID, verifyCode), huiqi.EFORBIDDEN)
	wantCode(t, "an unverified colleague", f.svc.VerifyBinding(f.ctx, colleague, claimant.ID, verifyCode), huiqi.EFORBIDDEN)
	wantCode(t, "nobody", f.svc.VerifyBinding(f.ctx, nil, claimant.ID, verifyCode), huiqi.EUNAUTHORIZED)
	officer := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	wantCode(t, "no such claim", f.svc.VerifyBinding(f.ctx, officer, stranger.ID, verifyCode), huiqi.ENOTFOUND)
	if ps, err := f.svc.PendingClaims(f.ctx, other); err != nil || len(ps) != 0 {
		t.Errorf("claims pending for an officer of another region = %v, %v", ps, err)
	}
	if ps, err := f.svc.PendingClaims(f.ctx, officer); err != nil || len(ps) != 2 {
		t.Errorf("claims pending for the region's officer = %v, %v", ps, err)
	}
	if err := f.svc.VerifyBinding(f.ctx, officer, claimant.ID, verifyCode[:17]+"J"); err == nil {
		t.Error("a code that differs in its check character verified a claim")
	}
	if err := f.svc.VerifyBinding(f.ctx, officer, claimant.ID, verifyCode); err != nil {
		t.Fatal(err)
	}
	if !acts(claimant) || acts(colleague) {
		t.Fatalf("after the officer verified: claimant acts %v, colleague acts %v", acts(claimant), acts(colleague))
	}
	if cs, err := f.svc.ColleagueClaims(f.ctx, claimant); err != nil || len(cs) != 1 || cs[0].UserID != colleague.ID {
		t.Errorf("claims the claimant may confirm = %+v, %v; want the colleague's", cs, err)
	}
	if cs, _ := f.svc.ColleagueClaims(f.ctx, stranger); len(cs) != 0 {
		t.Errorf("a stranger may confirm %+v", cs)
	}
	wantCode(t, "a stranger", f.svc.VerifyBinding(f.ctx, stranger, colleague.ID, verifyCode), huiqi.EFORBIDDEN)
	if err := f.svc.VerifyBinding(f.ctx, claimant, colleague.ID, verifyCode); err != nil {
		t.Fatalf("a verified colleague confirms: %v", err)
	}
	if !acts(colleague) {
		t.Error("a claim the colleague confirmed does not act for the enterprise")
	}
	bs, _ := f.svc.Enterprises(f.ctx, colleague.ID)
	if bs[0].VerifiedBy != claimant.ID || bs[0].VerifiedAt == nil || !bs[0].VerifiedAt.Equal(f.clock()) {
		t.Errorf("the colleague's binding = %+v", bs[0])
	}
	f.claim(stranger, "91330100716105852F", "330106")
	admin := f.staff("admin", huiqi.RoleAdmin)
	if err := f.svc.VerifyBinding(f.ctx, admin, stranger.ID, "91330100716105852F"); err != nil {
		t.Fatalf("an administrator verifies: %v", err)
	}
	var verified []string
	for _, e := range f.audit() {
		if e.Action == ActionBindingVerify {
			verified = append(verified, e.Actor+" "+e.Object+" "+e.Region)
		}
	}
	want := []string{officer.ID + " user:" + claimant.ID + " 510105", claimant.ID + " user:" + colleague.ID + " 510105",
		admin.ID + " user:" + stranger.ID + " 330106"}
	if len(verified) != 3 || verified[0] != want[0] || verified[1] != want[1] || verified[2] != want[2] {
		t.Errorf("audit log's verifications = %q, want %q", verified, want)
	}
}

// enterpriseUser signs an enterprise user in with an SMS code.
func (f *fixture) enterpriseUser(phone string) *huiqi.User {
	f.t.Helper()
	in, err := f.svc.SignInWithCode(f.ctx, phone, f.code(phone), "", "")
	if err != nil {
		f.t.Fatal(err)
	}
	return in.User
}

// claim binds u to the enterprise code registered in region, unverified.
func (f *fixture) claim(u *huiqi.User, code, region string) {
	f.t.Helper()
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: "成都某科技有限公司", RegionCode: region}
	if err := f.db.BindEnterprise(f.ctx, b, &huiqi.AuditEntry{At: f.clock(), Actor: u.ID, Action: ActionBindingClaim}); err != nil {
		f.t.Fatal(err)
	}
}
