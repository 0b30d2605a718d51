package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

const bindCode = "91330100716105852F"

// claimForm posts the claim of the enterprise bindCode registered in
// region from the account page.
func claimForm(v *visitor, region string) (*http.Response, string) {
	v.t.Helper()
	return v.postForm("/account/enterprises", url.Values{"csrf": {v.csrfOf("/account")}, "credit_code": {bindCode},
		"name": {"杭州甲科技有限公司"}, "region_code": {region}})
}

// TestBindingVerifyPages: a claim made on the account page waits for
// verification, saying what to do; the officer of its region lists it
// with the masked number and verifies it, an officer of another region
// neither sees nor verifies it; a verified colleague confirms the next
// claim from the account page, a stranger may not.
func TestBindingVerifyPages(t *testing.T) {
	ps := servePlatform(t)
	a, b, c := newVisitor(t, ps.URL), newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	ps.signIn(a, "13800138041")
	ps.signIn(b, "13800138042")
	ps.signIn(c, "13800138043")
	if res, body := a.postForm("/account/enterprises", url.Values{"csrf": {a.csrfOf("/account")}, "credit_code": {bindCode}, "name": {"甲"}}); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "行政区划代码") {
		t.Fatalf("a claim without a region: %d %q", res.StatusCode, errorText(body))
	}
	if res, _ := claimForm(a, "999999"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a claim in an unknown region: %d", res.StatusCode)
	}
	if res, body := claimForm(a, "330106"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("claim: %d %q", res.StatusCode, errorText(body))
	}
	page := mustGet(t, a, "/account?bound=1")
	for _, want := range []string{"待核验", "请联系所在地区的政策专员核验，或由本企业已核验的同事确认", "浙江省杭州市西湖区（330106）"} {
		if !strings.Contains(page, want) {
			t.Errorf("the account page after a claim lacks %q", want)
		}
	}

	ps.staff("hz.officer", "officer", "330100")
	ps.staff("cd.officer", "officer", "510100")
	ps.staff("hz.reviewer", "reviewer", "330100")
	hz, cd, rev := newVisitor(t, ps.URL), newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	ps.signInStaff(hz, "hz.officer")
	ps.signInStaff(cd, "cd.officer")
	ps.signInStaff(rev, "hz.reviewer")
	if desk := mustGet(t, hz, "/staff"); !strings.Contains(desk, `href="/staff/bindings"`) || !strings.Contains(desk, `href="/staff/policies"`) || strings.Contains(desk, `href="/admin/users"`) {
		t.Error("the officer's desk does not lead to the claims and 政策核对, or leads to the administrator's pages")
	}
	aID := userIDOf(t, ps, "13800138041")
	if page := mustGet(t, hz, "/staff/bindings"); !strings.Contains(page, "138****8041") || !strings.Contains(page, bindCode) || strings.Contains(page, "13800138041") ||
		!strings.Contains(page, "<td>浙江省杭州市（330100）</td>") {
		t.Errorf("the officer's list of claims: masked number %v, code %v, the code's region %v", strings.Contains(page, "138****8041"),
			strings.Contains(page, bindCode), strings.Contains(page, "<td>浙江省杭州市（330100）</td>"))
	}
	if page := mustGet(t, cd, "/staff/bindings"); strings.Contains(page, bindCode) {
		t.Error("an officer of another region lists the claim")
	}
	for who, v := range map[string]*visitor{"reviewer": rev, "enterprise user": b} {
		if res, _ := v.get("/staff/bindings"); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s opens the claims: %d", who, res.StatusCode)
		}
	}
	verify := func(v *visitor, path, userID string) int {
		t.Helper()
		res, _ := v.postForm(path, url.Values{"user_id": {userID}, "credit_code": {bindCode}})
		return res.StatusCode
	}
	if s := verify(cd, "/staff/bindings/verify", aID); s != http.StatusForbidden {
		t.Errorf("an officer of another region verifies: %d", s)
	}
	if s := verify(rev, "/staff/bindings/verify", aID); s != http.StatusForbidden {
		t.Errorf("a reviewer verifies: %d", s)
	}
	if s := verify(b, "/account/enterprises/verify", aID); s != http.StatusForbidden {
		t.Errorf("another enterprise user verifies: %d", s)
	}
	if s := verify(hz, "/staff/bindings/verify", aID); s != http.StatusSeeOther {
		t.Fatalf("the region's officer verifies: %d", s)
	}
	if page := mustGet(t, a, "/account"); !strings.Contains(page, "已核验") || strings.Contains(page, "请联系所在地区") {
		t.Error("the account page does not show the binding verified")
	}
	if page := mustGet(t, hz, "/staff/bindings?verified=1"); strings.Contains(page, bindCode) || !strings.Contains(page, "已核验企业绑定") {
		t.Error("a verified claim is still listed")
	}

	if res, _ := claimForm(b, "330106"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the colleague's claim: %d", res.StatusCode)
	}
	bID := userIDOf(t, ps, "13800138042")
	if page := mustGet(t, a, "/account"); !strings.Contains(page, "138****8042") || !strings.Contains(page, `action="/account/enterprises/verify"`) {
		t.Error("the verified user is not asked to confirm the colleague")
	}
	if page := mustGet(t, c, "/account"); strings.Contains(page, "138****8042") {
		t.Error("a stranger is asked to confirm the claim")
	}
	if s := verify(c, "/account/enterprises/verify", bID); s != http.StatusForbidden {
		t.Errorf("a stranger confirms: %d", s)
	}
	if res, _ := a.postForm("/account/enterprises/verify", url.Values{"csrf": {"forged"}, "user_id": {bID}, "credit_code": {bindCode}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a confirmation without the CSRF token: %d", res.StatusCode)
	}
	if s := verify(a, "/account/enterprises/verify", bID); s != http.StatusSeeOther {
		t.Fatalf("the colleague confirms: %d", s)
	}
	if page := mustGet(t, b, "/account"); !strings.Contains(page, "已核验") {
		t.Error("the confirmed colleague's binding is not verified")
	}
	es, err := ps.Store.AuditEntries(t.Context(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, e := range es {
		n[e.Action]++
	}
	if n["binding.claim"] != 2 || n["binding.verify"] != 2 {
		t.Errorf("audit log: %d claims, %d verifications; want 2 and 2", n["binding.claim"], n["binding.verify"])
	}
}

// userIDOf is the ID of the user with the mobile number.
func userIDOf(t *testing.T, ps *platformSite, phone string) string {
	t.Helper()
	u, err := ps.Store.FindUserByPhone(t.Context(), phone)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// TestUnverifiedClaim: the enterprise of a user's 我的企业 is claimed at
// sign-in in the profile's region, and until verified the user can
// neither apply for it nor consult in its name; once verified, both.
func TestUnverifiedClaim(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	fields := nanhu()
	fields.Set("credit_code", applyCredit)
	if res, _ := v.post(fields); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the profile: %d", res.StatusCode)
	}
	ps.signIn(v, "13800138061")
	if page := mustGet(t, v, "/account"); !strings.Contains(page, "待核验") || !strings.Contains(page, "浙江省嘉兴市南湖区（330402）") {
		t.Fatal("the profile's enterprise is not claimed in its region")
	}
	_, results := v.get("/enterprise/results")
	m := applyLink.FindStringSubmatch(results)
	if m == nil {
		t.Fatal("the results have no 我要申报 button")
	}
	link := strings.ReplaceAll(m[1], "&amp;", "&")
	if page := mustGet(t, v, link); !strings.Contains(page, "还没有已核验的企业") || strings.Contains(page, `name="credit_code"`) {
		t.Error("the start page offers an unverified enterprise")
	}
	q, _ := url.ParseQuery(strings.SplitN(link, "?", 2)[1])
	start := url.Values{"credit_code": {applyCredit}, "policy": {q.Get("policy")}, "measure": {q.Get("measure")}}
	if res, body := v.postForm("/applications", start); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "尚待核验") {
		t.Errorf("starting an application for an unverified enterprise: %d %q", res.StatusCode, errorText(body))
	}
	p := policyFromFile(t, ps.Site.Store, consultFile)
	th, err := ps.Store.FindThread(t.Context(), handoff(t, v, p.ID, consultQuestion))
	if err != nil || th.CreditCode != "" {
		t.Errorf("a consultation in the name of an unverified enterprise: %q, %v", th.CreditCode, err)
	}

	ps.staff("jx.officer", "officer", "330400")
	off := newVisitor(t, ps.URL)
	ps.signInStaff(off, "jx.officer")
	if res, _ := off.postForm("/staff/bindings/verify", url.Values{"user_id": {userIDOf(t, ps, "13800138061")}, "credit_code": {applyCredit}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the officer of 嘉兴市 verifies: %d", res.StatusCode)
	}
	if res, body := v.postForm("/applications", start); res.StatusCode != http.StatusSeeOther {
		t.Errorf("starting an application once verified: %d %q", res.StatusCode, errorText(body))
	}
	th, err = ps.Store.FindThread(t.Context(), handoff(t, v, p.ID, consultQuestion))
	if err != nil || th.CreditCode != applyCredit {
		t.Errorf("a consultation once verified is in the name of %q, %v", th.CreditCode, err)
	}
}
