package server_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// L stands for a redirect to the sign-in page in the matrix.
const L = -1

// w is the outcome of each actor, in the order of the actors: nobody, A,
// B, officer X, officer Y, reviewer X, reviewer Y, admin.
type w [nActors]int

// all is one outcome for every actor.
func all(status int) w {
	var out w
	for i := range out {
		out[i] = status
	}
	return out
}

// member is nobody sent to sign in and every other actor status.
func member(status int) w {
	out := all(status)
	out[nobody] = L
	return out
}

// portalRow is one request of the site and what each actor gets.
type portalRow struct {
	pattern string // as registered: "GET /applications/{id}"
	path    func(s *authzSeed) string
	form    func(s *authzSeed) url.Values // a POST's fields besides the CSRF token
	want    w
	// present must be in the page of actors listed in shows, absent in the
	// page of the others answered 200.
	present func(s *authzSeed) string
	shows   []actor
	// upload posts a file as multipart/form-data.
	upload bool
	// late rows change what other rows read (profiles, tokens), last rows
	// end sessions: they run after the others, in this order.
	late, last bool
}

func fixed(p string) func(*authzSeed) string { return func(*authzSeed) string { return p } }

// TestAuthzMatrix: every route of the site, for every actor, on the
// seeded data: sign-in asked of nobody, 403 for the wrong role, 404 for
// what another enterprise or another region owns (and never listed for
// them), and the CSRF token checked on every POST.
func TestAuthzMatrix(t *testing.T) {
	s := seedAuthz(t)
	rows := portalRows()
	checkCovered(t, portalPatterns(t), rows)
	for _, phase := range []func(portalRow) bool{
		func(r portalRow) bool { return !r.late },
		func(r portalRow) bool { return r.late && !r.last },
		func(r portalRow) bool { return r.last },
	} {
		for _, r := range rows {
			if !phase(r) {
				continue
			}
			if r.last {
				s.signInAgain(t)
			}
			runPortalRow(t, s, r)
			if r.last {
				s.signedOut(t, r.pattern)
			}
		}
	}
}

// runPortalRow asks the row's request as every actor, then checks the
// CSRF token of a POST as the first actor allowed through.
func runPortalRow(t *testing.T, s *authzSeed, r portalRow) {
	t.Helper()
	method, _, _ := strings.Cut(r.pattern, " ")
	path := r.path(s)
	for a := nobody; a < nActors; a++ {
		res, body := s.request(a, method, path, r, "")
		if !outcome(res, r.want[a]) {
			t.Errorf("%s %s as %s: %d %s (to %q), want %s", method, path, a, res.StatusCode, errorText(body), res.Header.Get("Location"), show(r.want[a]))
			continue
		}
		if r.present != nil && res.StatusCode == http.StatusOK {
			if got, want := strings.Contains(body, r.present(s)), slices.Contains(r.shows, a); got != want {
				t.Errorf("%s %s as %s: shows %q %v, want %v", method, path, a, r.present(s), got, want)
			}
		}
	}
	if method != http.MethodPost {
		return
	}
	by := firstThrough(r.want)
	for _, token := range []string{"forged", "-"} {
		res, _ := s.request(by, method, path, r, token)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s as %s with CSRF token %q: %d, want 403", method, path, by, token, res.StatusCode)
		}
	}
}

// firstThrough is the first actor who gets past authorization (nobody
// for public forms).
func firstThrough(want w) actor {
	for a := nobody; a < nActors; a++ {
		switch want[a] {
		case L, http.StatusForbidden, http.StatusNotFound:
		default:
			return a
		}
	}
	return entA
}

// request sends the request as the actor; a POST carries the actor's
// CSRF token, or csrf when given ("-" for none).
func (s *authzSeed) request(a actor, method, path string, r portalRow, csrf string) (*http.Response, string) {
	v := s.v[a]
	if method == http.MethodGet {
		return v.get(path)
	}
	if r.upload {
		switch csrf {
		case "":
			csrf = v.csrfOf("/login")
		case "-":
			csrf = ""
		}
		return v.upload(path, csrf, "证明.png", pngBytes(v.t))
	}
	f := url.Values{}
	if r.form != nil {
		f = r.form(s)
	}
	switch csrf {
	case "":
	case "-":
		f.Set("csrf", "")
	default:
		f.Set("csrf", csrf)
	}
	return v.postForm(path, f)
}

// outcome reports whether res is what want says.
func outcome(res *http.Response, want int) bool {
	toLogin := strings.HasPrefix(res.Header.Get("Location"), "/login?next=")
	if want == L {
		return res.StatusCode == http.StatusSeeOther && toLogin
	}
	return res.StatusCode == want && !toLogin
}

func show(want int) string {
	if want == L {
		return "303 to /login"
	}
	return strconv.Itoa(want)
}

var handleFunc = regexp.MustCompile(`mux\.Handle(?:Func)?\("([A-Z]+ /[^"]*)"`)

// portalPatterns are the patterns the portal registers, read from its
// source: a route added there without a row fails the test.
func portalPatterns(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../portal/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range handleFunc.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
	}
	if len(out) < 40 {
		t.Fatalf("read only %d routes from the portal's source", len(out))
	}
	return out
}

// checkCovered fails for a registered pattern without a row and for a
// row of no registered pattern.
func checkCovered(t *testing.T, patterns []string, rows []portalRow) {
	t.Helper()
	have := map[string]bool{}
	for _, r := range rows {
		have[r.pattern] = true
	}
	for _, p := range patterns {
		if !have[p] {
			t.Errorf("route %q has no row in the authorization matrix", p)
		}
		delete(have, p)
	}
	for p := range have {
		t.Errorf("the matrix's row %q is of no route", p)
	}
}
