package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestProfileSaveClaims: a signed-in enterprise user who saves a valid
// 我的企业 naming a valid 统一社会信用代码 claims that enterprise at once,
// in the profile's region and under its name, so the region's officer
// lists the claim before the user opens /account; a profile with
// problems claims nothing.
func TestProfileSaveClaims(t *testing.T) {
	ps := servePlatform(t)
	a, b := newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	ps.signIn(a, "13800138051")
	ps.signIn(b, "13800138052")
	ps.staff("jx.officer", "officer", "330400")
	officer := newVisitor(t, ps.URL)
	ps.signInStaff(officer, "jx.officer")

	bad := nanhu()
	bad.Set("credit_code", "91330400MA2B3C4D5E")
	bad.Set("employees", "很多")
	bad.Set("action", "save")
	if res, _ := b.post(bad); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save with problems: %d", res.StatusCode)
	}
	good := nanhu()
	good.Set("credit_code", bindCode)
	good.Set("action", "save")
	if res, _ := a.post(good); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	page := mustGet(t, officer, "/staff/bindings")
	if !strings.Contains(page, bindCode) || !strings.Contains(page, "嘉兴某某科技有限公司") || !strings.Contains(page, "138****8051") {
		t.Errorf("the officer does not list the claim the save made: code %v, name %v, user %v", strings.Contains(page, bindCode),
			strings.Contains(page, "嘉兴某某科技有限公司"), strings.Contains(page, "138****8051"))
	}
	if strings.Contains(page, "138****8052") {
		t.Error("a profile saved with problems made a claim")
	}
	// Saving again makes no second claim.
	if res, _ := a.post(good); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save again: %d", res.StatusCode)
	}
	if again := mustGet(t, officer, "/staff/bindings"); strings.Count(again, "138****8051") != strings.Count(page, "138****8051") {
		t.Errorf("a second save lists the claim %d times, not %d", strings.Count(again, "138****8051"), strings.Count(page, "138****8051"))
	}
	if acc := mustGet(t, a, "/account"); !strings.Contains(acc, "待核验") {
		t.Error("the account page does not show the claim waiting for verification")
	}
}
