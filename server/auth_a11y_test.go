package server_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestPlatformPagesAccessible checks the sign-in, account and
// administrator's pages: landmarks, one h1, every control labelled, every
// table header scoped, no inline script or style (CSP 'self'), and well
// under 200 KB.
func TestPlatformPagesAccessible(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("root", "admin")
	ent, admin := newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	_, phoneForm := ent.get("/login")
	_, codeForm := ent.postForm("/login/code", url.Values{"phone": {"13800138061"}})
	_, staffForm := ent.get("/login/staff")
	ent.postForm("/login", url.Values{"phone": {"13800138061"}, "code": {ps.code("13800138061")}})
	csrf := ent.csrfOf("/account")
	ent.postForm("/account/enterprises", url.Values{"csrf": {csrf}, "credit_code": {"91330100716105852F"}, "name": {"甲公司"}, "region_code": {"330106"}})
	_, token := ent.postForm("/account/tokens", url.Values{"csrf": {csrf}, "token_name": {"对接"}})
	ps.signInStaff(admin, "root")
	_, users := admin.get("/admin/users")
	_, outbox := admin.get("/admin/outbox")
	_, adminAccount := admin.get("/account")
	pages := map[string]string{"phone form": phoneForm, "code form": codeForm, "staff form": staffForm,
		"account with a new token": token, "staff": users, "outbox": outbox, "administrator's account": adminAccount}
	for name, page := range pages {
		if len(page) > 50<<10 {
			t.Errorf("%s weighs %d bytes", name, len(page))
		}
		for _, w := range []string{`<html lang="zh-CN">`, `role="banner"`, `<main id="main"`, `role="contentinfo"`, `href="/static/platform.css"`} {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s has %d h1", name, n)
		}
		if strings.Contains(page, "<script>") || strings.Contains(page, " style=") || strings.Contains(page, "<style") || strings.Contains(page, " onclick=") {
			t.Errorf("%s has inline script or style", name)
		}
		for _, tag := range inputTag.FindAllString(page, -1) {
			if strings.Contains(tag, `type="hidden"`) {
				continue
			}
			m := inputID.FindStringSubmatch(tag)
			if m == nil || !strings.Contains(page, `for="`+m[1]+`"`) {
				t.Errorf("%s: %s has no label", name, tag)
			}
		}
		for _, th := range thTag.FindAllString(page, -1) {
			if !strings.Contains(th, ` scope="`) {
				t.Errorf("%s: %s has no scope", name, th)
			}
		}
	}
}
