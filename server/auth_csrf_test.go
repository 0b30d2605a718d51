package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPlatformCSRF: every form post of sign-in, the account and the
// administrator's pages is refused (403) without the browser's CSRF token
// or with a wrong one, or from another site's page, and does nothing.
func TestPlatformCSRF(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("root", "admin")
	officer := ps.staff("officer1", "officer", "330100")
	admin := newVisitor(t, ps.URL)
	ps.signInStaff(admin, "root")
	before := admin.cookie("huiqi_session")

	posts := []struct {
		path   string
		fields url.Values
	}{
		{"/login/code", url.Values{"phone": {"13800138011"}}},
		{"/login", url.Values{"phone": {"13800138011"}, "code": {"123456"}}},
		{"/login/staff", url.Values{"username": {"root"}, "password": {staffPassword}}},
		{"/logout", url.Values{}},
		{"/logout/everywhere", url.Values{}},
		{"/account/enterprises", url.Values{"credit_code": {"91330100716105852F"}, "name": {"甲公司"}}},
		{"/account/tokens", url.Values{"token_name": {"对接"}}},
		{"/account/tokens/t_x/revoke", url.Values{}},
		{"/admin/users", url.Values{"username": {"mallory"}, "name": {"某"}, "role": {"admin"}, "password": {staffPassword}}},
		{"/admin/users/" + officer.ID + "/disabled", url.Values{"disabled": {"1"}}},
	}
	bad := []struct {
		name   string
		token  string
		header []string
	}{
		{"no token", "", nil},
		{"wrong token", strings.Repeat("A", 43), nil},
		{"another site", "", []string{"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"}},
	}
	for _, p := range posts {
		for _, b := range bad {
			t.Run(p.path+" "+b.name, func(t *testing.T) {
				fields := url.Values{}
				for k, v := range p.fields {
					fields[k] = v
				}
				fields.Set("csrf", b.token)
				if b.token == "" && b.header != nil {
					fields.Set("csrf", admin.csrfOf("/account")) // the right token, from the wrong site
				}
				res, body := admin.postForm(p.path, fields, b.header...)
				if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "表单已失效") {
					t.Errorf("status %d, want 403 with a message", res.StatusCode)
				}
			})
		}
	}
	if admin.cookie("huiqi_session") != before || !strings.Contains(mustGet(t, admin, "/account"), "root") {
		t.Error("a refused post signed the administrator out")
	}
	if ps.sent("13800138011") != 0 {
		t.Error("a refused post sent a code")
	}
	if u, _ := ps.Store.FindUser(t.Context(), officer.ID); u.Disabled {
		t.Error("a refused post disabled a user")
	}
	if _, err := ps.Store.FindUserByUsername(t.Context(), "mallory"); err == nil {
		t.Error("a refused post created a user")
	}
	if toks, _ := ps.Store.ListTokens(t.Context(), adminID(t, ps)); len(toks) != 0 {
		t.Error("a refused post created a token")
	}
}

func mustGet(t *testing.T, v *visitor, path string) string {
	t.Helper()
	res, body := v.get(path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, res.StatusCode)
	}
	return body
}

func adminID(t *testing.T, ps *platformSite) string {
	u, err := ps.Store.FindUserByUsername(t.Context(), "root")
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}
