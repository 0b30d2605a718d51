package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestSessionFixation: a session cookie the browser held before signing
// in — made up, or another user's real one — is not the one after, and no
// longer signs anyone in.
func TestSessionFixation(t *testing.T) {
	ps := servePlatform(t)
	attacker := newVisitor(t, ps.URL)
	ps.signIn(attacker, "13500135001")
	planted := attacker.cookie("huiqi_session")

	for name, value := range map[string]string{"made up": strings.Repeat("Q", 43), "another user's": planted} {
		t.Run(name, func(t *testing.T) {
			v := newVisitor(t, ps.URL)
			u, _ := url.Parse(ps.URL)
			v.c.Jar.SetCookies(u, []*http.Cookie{{Name: "huiqi_session", Value: value, Path: "/"}})
			ps.advance(61 * time.Second)
			ps.signIn(v, "13500135002")
			after := v.cookie("huiqi_session")
			if after == "" || after == value {
				t.Fatalf("the session cookie after sign-in is the one before")
			}
			if !signedIn(newBrowserWith(t, ps.URL, after), "13500135002") {
				t.Error("the new cookie does not sign in")
			}
			if signedIn(newBrowserWith(t, ps.URL, value), "13500135002") {
				t.Error("the cookie from before sign-in is signed in as the new user")
			}
		})
	}
	// The attacker's planted session ended when the victim signed in over it.
	if signedIn(newBrowserWith(t, ps.URL, planted), "13500135001") {
		t.Error("a session a sign-in replaced still works")
	}
}

// newBrowserWith is a browser holding only the session cookie value.
func newBrowserWith(t *testing.T, base, session string) *visitor {
	v := newVisitor(t, base)
	u, _ := url.Parse(base)
	v.c.Jar.SetCookies(u, []*http.Cookie{{Name: "huiqi_session", Value: session, Path: "/"}})
	return v
}

// signedIn reports whether the browser's account page shows phone.
func signedIn(v *visitor, phone string) bool {
	res, body := v.get("/account")
	return res.StatusCode == http.StatusOK && strings.Contains(body, phone)
}

// TestLogout: signing out ends the session; the old cookie, replayed,
// shows nobody.
func TestLogout(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	ps.signIn(v, "13400134001")
	old := v.cookie("huiqi_session")
	res, _ := v.postForm("/logout", url.Values{"csrf": {v.csrfOf("/account")}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/" {
		t.Fatalf("logout: %d to %q", res.StatusCode, loc)
	}
	if c := sessionCookie(t, res); c.MaxAge >= 0 {
		t.Errorf("logout keeps the cookie: %+v", c)
	}
	replay := newBrowserWith(t, ps.URL, old)
	res, _ = replay.get("/account")
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?next=") {
		t.Errorf("replayed cookie: %d to %q, want the sign-in page", res.StatusCode, loc)
	}
	if _, body := replay.get("/"); strings.Contains(body, `action="/logout"`) || !strings.Contains(body, `href="/login"`) {
		t.Error("the header still shows a signed-in user for the replayed cookie")
	}
}

// TestLogoutEverywhere: signing out everywhere ends a second browser's
// session too.
func TestLogoutEverywhere(t *testing.T) {
	ps := servePlatform(t)
	const phone = "13400134002"
	a, b := newVisitor(t, ps.URL), newVisitor(t, ps.URL)
	ps.signIn(a, phone)
	ps.advance(61 * time.Second)
	ps.signIn(b, phone)
	if !signedIn(a, phone) || !signedIn(b, phone) {
		t.Fatal("two browsers are not both signed in")
	}
	res, _ := a.postForm("/logout/everywhere", url.Values{"csrf": {a.csrfOf("/account")}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign out everywhere: %d", res.StatusCode)
	}
	if _, body := a.get(res.Header.Get("Location")); !strings.Contains(body, "已在所有设备上退出登录") {
		t.Error("no notice after signing out everywhere")
	}
	if signedIn(a, phone) || signedIn(b, phone) {
		t.Error("a browser is still signed in after signing out everywhere")
	}
}

// TestNextStaysOnSite: next= naming another origin is ignored.
func TestNextStaysOnSite(t *testing.T) {
	ps := servePlatform(t)
	for i, next := range []string{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/\r\nSet-Cookie: x=1"} {
		v := newVisitor(t, ps.URL)
		if _, body := v.get("/login?next=" + url.QueryEscape(next)); strings.Contains(body, "evil.example") {
			t.Errorf("next %q kept on the sign-in page", next)
		}
		phone := "1330013300" + string(rune('0'+i))
		v.postForm("/login/code", url.Values{"phone": {phone}})
		res, _ := v.postForm("/login", url.Values{"phone": {phone}, "code": {ps.code(phone)}, "next": {next}})
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/account" {
			t.Errorf("next %q: %d to %q, want /account", next, res.StatusCode, loc)
		}
	}
}
