package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestDraftKeptAtSignIn: the 我的企业 profile a browser filled before
// signing in becomes the user's, its valid 统一社会信用代码 bound; while
// signed in the pages save under the user, so another browser of the
// same user sees them, and signing out leaves the user's profile behind.
func TestDraftKeptAtSignIn(t *testing.T) {
	ps := servePlatform(t)
	const phone = "13800138041"
	v := newVisitor(t, ps.URL)
	draft := nanhu()
	draft.Set("credit_code", "91330100716105852F")
	draft.Set("action", "save")
	if res, _ := v.post(draft); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the draft: %d", res.StatusCode)
	}
	ps.signIn(v, phone)
	if body := mustGet(t, v, "/enterprise"); !strings.Contains(body, `value="嘉兴某某科技有限公司"`) {
		t.Fatal("the draft is not the signed-in user's profile")
	}
	if body := mustGet(t, v, "/account"); !strings.Contains(body, "91330100716105852F") || !strings.Contains(body, "嘉兴某某科技有限公司") {
		t.Error("the profile's credit code is not bound")
	}
	// Saved while signed in, the profile is the user's in another browser.
	changed := nanhu()
	changed.Set("name", "嘉兴另一家科技有限公司")
	changed.Set("action", "save")
	if res, _ := v.post(changed); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save signed in: %d", res.StatusCode)
	}
	w := newVisitor(t, ps.URL)
	ps.advance(61 * time.Second)
	ps.signIn(w, phone)
	if body := mustGet(t, w, "/enterprise"); !strings.Contains(body, `value="嘉兴另一家科技有限公司"`) {
		t.Error("another browser of the user does not see the profile saved signed in")
	}
	// A user with a profile keeps it: a later draft does not replace it.
	x := newVisitor(t, ps.URL)
	other := nanhu()
	other.Set("name", "某个草稿公司")
	other.Set("action", "save")
	x.post(other)
	ps.advance(61 * time.Second)
	ps.signIn(x, phone)
	if body := mustGet(t, x, "/enterprise"); !strings.Contains(body, "嘉兴另一家科技有限公司") {
		t.Error("a draft replaced the user's profile at sign-in")
	}
	v.postForm("/logout", url.Values{"csrf": {v.csrfOf("/account")}})
	if body := mustGet(t, v, "/enterprise"); strings.Contains(body, "嘉兴另一家科技有限公司") {
		t.Error("the user's profile shows after signing out")
	}
}
