package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAdminPagesRefuse: the administrator's pages send nobody to sign in
// and are 403 for an enterprise user and for an officer.
func TestAdminPagesRefuse(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("officer1", "officer", "330100")
	ent, off := newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	ps.signIn(ent, "13800138021")
	ps.signInStaff(off, "officer1")
	for _, path := range []string{"/admin/outbox", "/admin/users"} {
		res, _ := newVisitor(t, ps.URL).get(path)
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape(path) {
			t.Errorf("%s for nobody: %d to %q", path, res.StatusCode, loc)
		}
		for name, v := range map[string]*visitor{"enterprise user": ent, "officer": off} {
			if res, body := v.get(path); res.StatusCode != http.StatusForbidden || strings.Contains(body, "【惠企】") {
				t.Errorf("%s for an %s: %d", path, name, res.StatusCode)
			}
		}
	}
	// Posts too.
	res, _ := off.postForm("/admin/users", url.Values{"csrf": {off.csrfOf("/account")}, "username": {"eve"}, "name": {"某"}, "role": {"admin"}, "password": {staffPassword}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("an officer adding an administrator: %d", res.StatusCode)
	}
}

// TestAdminOutbox: the administrator reads the codes sent, newest first.
func TestAdminOutbox(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("root", "admin")
	v := newVisitor(t, ps.URL)
	v.postForm("/login/code", url.Values{"phone": {"13800138022"}})
	v.postForm("/login/code", url.Values{"phone": {"13800138023"}})
	admin := newVisitor(t, ps.URL)
	ps.signInStaff(admin, "root")
	res, body := admin.get("/admin/outbox")
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("outbox: %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	first, second := strings.Index(body, "13800138023"), strings.Index(body, "13800138022")
	if first < 0 || second < 0 || first > second || !strings.Contains(body, ps.code("13800138022")) {
		t.Error("the outbox does not list both codes, newest first")
	}
}

// TestAdminUsers: the administrator adds an officer, who signs in; disabled,
// the officer's session ends and signing in is refused; enabled again, it
// works.
func TestAdminUsers(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("root", "admin")
	admin := newVisitor(t, ps.URL)
	ps.signInStaff(admin, "root")
	csrf := admin.csrfOf("/admin/users")
	res, body := admin.postForm("/admin/users", url.Values{"csrf": {csrf}, "username": {"Bad Name"}, "name": {"王"}, "role": {"officer"}, "regions": {"330100"}, "password": {staffPassword}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "用户名") || !strings.Contains(body, `value="330100"`) {
		t.Fatalf("a bad username: %d %q", res.StatusCode, errorText(body))
	}
	res, _ = admin.postForm("/admin/users", url.Values{"csrf": {csrf}, "username": {"wang"}, "name": {"王专员"}, "role": {"officer"}, "regions": {"330100、330400"}, "password": {staffPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add an officer: %d", res.StatusCode)
	}
	if res, body := admin.postForm("/admin/users", url.Values{"csrf": {csrf}, "username": {"wang"}, "name": {"王"}, "role": {"officer"}, "regions": {"330100"}, "password": {staffPassword}}); res.StatusCode != http.StatusConflict || !strings.Contains(body, "已被使用") {
		t.Errorf("the same username again: %d %q", res.StatusCode, errorText(body))
	}
	page := mustGet(t, admin, "/admin/users")
	if !strings.Contains(page, "王专员") || !strings.Contains(page, "330100、330400") || !strings.Contains(page, "政策专员") {
		t.Error("the staff page does not list the new officer with role and regions")
	}
	off := newVisitor(t, ps.URL)
	ps.signInStaff(off, "wang")
	if _, body := off.get("/account"); !strings.Contains(body, "王专员") {
		t.Fatal("the new officer is not signed in")
	}
	wang, err := ps.Store.FindUserByUsername(t.Context(), "wang")
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := admin.postForm("/admin/users/"+wang.ID+"/disabled", url.Values{"csrf": {csrf}, "disabled": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: %d", res.StatusCode)
	}
	if res, _ := off.get("/account"); res.StatusCode != http.StatusSeeOther {
		t.Error("a disabled officer is still signed in")
	}
	if res, body := off.postForm("/login/staff", url.Values{"username": {"wang"}, "password": {staffPassword}}); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "账号已停用") {
		t.Errorf("a disabled officer signing in: %d %q", res.StatusCode, errorText(body))
	}
	admin.postForm("/admin/users/"+wang.ID+"/disabled", url.Values{"csrf": {csrf}, "disabled": {"0"}})
	ps.signInStaff(off, "wang")
}

// TestStaffSignIn: a wrong password is refused with one message for
// unknown names and wrong passwords; the right one goes on to next.
func TestStaffSignIn(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("root", "admin")
	v := newVisitor(t, ps.URL)
	if _, body := v.get("/login/staff?next=%2Fadmin%2Fusers"); !strings.Contains(body, `name="password"`) || !strings.Contains(body, `value="/admin/users"`) {
		t.Fatal("the staff sign-in page has no password field or loses next")
	}
	for _, name := range []string{"root", "nobody"} {
		res, body := v.postForm("/login/staff", url.Values{"username": {name}, "password": {"wrong password!"}})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "用户名或密码不正确") || !strings.Contains(body, `value="`+name+`"`) {
			t.Errorf("wrong password for %s: %d %q", name, res.StatusCode, errorText(body))
		}
	}
	res, _ := v.postForm("/login/staff", url.Values{"username": {"root"}, "password": {staffPassword}, "next": {"/admin/users"}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/admin/users" {
		t.Errorf("staff sign-in: %d to %q", res.StatusCode, loc)
	}
	// An enterprise user's number does not sign a staff member in, nor the reverse.
	if res, body := v.postForm("/login/staff", url.Values{"username": {"13800138024"}, "password": {staffPassword}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a number as username: %d %q", res.StatusCode, errorText(body))
	}
}

// TestStaffSignInLimit: after ten wrong passwords a username is refused
// for a while (429), even with the right password.
func TestStaffSignInLimit(t *testing.T) {
	ps := servePlatform(t)
	ps.staff("root", "admin")
	v := newVisitor(t, ps.URL)
	for i := range 10 {
		if res, _ := v.postForm("/login/staff", url.Values{"username": {"root"}, "password": {"wrong password!"}}); res.StatusCode != http.StatusBadRequest {
			t.Fatalf("wrong password %d: %d", i+1, res.StatusCode)
		}
	}
	res, body := v.postForm("/login/staff", url.Values{"username": {"root"}, "password": {staffPassword}})
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "分钟后再试") || v.cookie("huiqi_session") != "" {
		t.Errorf("the right password after ten wrong: %d %q, want 429", res.StatusCode, errorText(body))
	}
}
