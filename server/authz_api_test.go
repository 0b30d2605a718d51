package server_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// apiRow is one request of the API and what each actor's token gets
// (nobody sends none).
type apiRow struct {
	pattern string // "GET /api/v1/applications/{id}"
	path    func(s *authzSeed) string
	body    func(s *authzSeed) string // a POST's JSON
	want    w
	// present must be in the answer of actors listed in shows, absent in
	// the answer of the others answered 200.
	present func(s *authzSeed) string
	shows   []actor
}

// TestAuthzAPI: every route of the API, for the token of every actor, on
// the seeded data — A's token cannot read B's application nor B's A's; a
// reviewer of another region is told not found — and the browser's
// session cookie authorizes nothing.
func TestAuthzAPI(t *testing.T) {
	s := seedAuthz(t)
	rows := apiRows()
	have := map[string]bool{}
	for _, r := range rows {
		have[r.pattern] = true
	}
	for _, p := range apiPatterns(t) {
		if !have[p] {
			t.Errorf("API route %q has no row in the authorization matrix", p)
		}
		delete(have, p)
	}
	for p := range have {
		t.Errorf("the API matrix's row %q is of no route", p)
	}
	for _, r := range rows {
		method, _, _ := strings.Cut(r.pattern, " ")
		path := r.path(s)
		for a := nobody; a < nActors; a++ {
			status, body := s.call(a, method, path, r.body, true)
			if status != r.want[a] {
				t.Errorf("API %s %s as %s: %d %s, want %d", method, path, a, status, body, r.want[a])
				continue
			}
			if r.present != nil && status == http.StatusOK {
				if got, want := strings.Contains(body, r.present(s)), slices.Contains(r.shows, a); got != want {
					t.Errorf("API %s %s as %s: shows %q %v, want %v", method, path, a, r.present(s), got, want)
				}
			}
		}
		// A's signed-in browser without a token is nobody to the API.
		if status, body := s.call(entA, method, path, r.body, false); status != r.want[nobody] {
			t.Errorf("API %s %s with A's session cookie: %d %s, want %d as for nobody", method, path, status, body, r.want[nobody])
		}
	}
}

// call sends the API request as the actor: with its token, or, without
// bearer, from its browser (cookies and all) without one.
func (s *authzSeed) call(a actor, method, path string, body func(*authzSeed) string, bearer bool) (int, string) {
	t := s.ps.t
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(body(s))
	}
	req, err := http.NewRequest(method, s.ps.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	c := http.DefaultClient
	if bearer && a != nobody {
		req.Header.Set("Authorization", "Bearer "+s.token[a])
	} else if !bearer {
		c = s.v[a].c
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

var apiRoute = regexp.MustCompile(`\{"([A-Z]+)", "(/api/v1/[^"]*)"`)

// apiPatterns are the API's routes, read from its route table.
func apiPatterns(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../api/handler.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range apiRoute.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1]+" "+m[2])
	}
	if len(out) < 15 {
		t.Fatalf("read only %d routes from the API's table", len(out))
	}
	return out
}

// apiRows are the API's routes as each actor's token meets them.
func apiRows() []apiRow {
	const unauth = http.StatusUnauthorized
	pol := func(suffix string) func(*authzSeed) string {
		return func(s *authzSeed) string { return "/api/v1/policies/" + s.policy + suffix }
	}
	app := func(id func(*authzSeed) string, suffix string) func(*authzSeed) string {
		return func(s *authzSeed) string { return "/api/v1/applications/" + id(s) + suffix }
	}
	subm := func(s *authzSeed) string { return s.submitted }
	ofB := func(s *authzSeed) string { return s.appB }
	drft := func(s *authzSeed) string { return s.draft }
	json := func(j string) func(*authzSeed) string { return func(*authzSeed) string { return j } }
	subFile := func(s *authzSeed) string { return s.subFile }
	drftFile := func(s *authzSeed) string { return s.draftFile }
	drftFile2 := func(s *authzSeed) string { return s.draftFile2 }
	file := func(id, fid func(*authzSeed) string) func(*authzSeed) string {
		return func(s *authzSeed) string { return "/api/v1/applications/" + id(s) + "/files/" + fid(s) }
	}
	tokens := all(ok).with(nobody, unauth)
	// One's own applications, or a reviewer's queue; officers have neither.
	mine := tokens.with(offX, no).with(offY, no)
	return []apiRow{
		{pattern: "GET /api/v1/policies", path: fixed("/api/v1/policies"), want: all(ok)},
		{pattern: "GET /api/v1/policies/{id}", path: pol(""), want: all(ok)},
		{pattern: "GET /api/v1/policies/{id}/versions", path: pol("/versions"), want: all(ok)},
		{pattern: "GET /api/v1/policies/{id}/original", path: pol("/original"), want: all(ok)},
		{pattern: "GET /api/v1/policies/{id}/diff", path: pol("/diff"), want: all(bad)},
		{pattern: "GET /api/v1/policies/{id}/answer", path: pol("/answer?q=%E8%A1%A5%E8%B4%B4"), want: all(ok)},
		{pattern: "GET /api/v1/search", path: fixed("/api/v1/search?q=%E8%A1%A5%E8%B4%B4"), want: all(ok)},
		{pattern: "GET /api/v1/regions", path: fixed("/api/v1/regions"), want: all(ok)},
		{pattern: "POST /api/v1/match", path: fixed("/api/v1/match"), body: json(`{}`), want: all(bad)},
		{pattern: "POST /api/v1/assess", path: fixed("/api/v1/assess"), body: json(`{}`), want: all(bad)},
		{pattern: "GET /api/v1/openapi.json", path: fixed("/api/v1/openapi.json"), want: all(ok)},
		{pattern: "GET /api/v1/me", path: fixed("/api/v1/me"), want: tokens},
		// Verifying enterprise bindings, as on /staff/bindings: the claim is in region X.
		{pattern: "GET /api/v1/bindings/pending", path: fixed("/api/v1/bindings/pending"), want: w{unauth, no, no, ok, ok, no, no, ok},
			present: func(s *authzSeed) string { return s.claimant }, shows: []actor{offX, admin}},
		{pattern: "POST /api/v1/bindings/verify", path: fixed("/api/v1/bindings/verify"),
			body: func(s *authzSeed) string {
				return `{"user_id":"` + s.claimant + `","credit_code":"` + applyCredit + `"}`
			},
			want: w{unauth, no, no, ok, no, no, no, ok}},
		{pattern: "GET /api/v1/applications", path: fixed("/api/v1/applications"), want: mine,
			present: subm, shows: []actor{entA, revX, admin}},
		{pattern: "GET /api/v1/applications", path: fixed("/api/v1/applications"), want: mine,
			present: ofB, shows: []actor{entB, revY, admin}},
		{pattern: "POST /api/v1/applications", path: fixed("/api/v1/applications"),
			body: func(s *authzSeed) string {
				return `{"credit_code":"` + applyCredit + `","policy_id":"` + s.policy + `","measure_id":"` + s.measure + `"}`
			}, want: w{unauth, ok, no, no, no, no, no, no}},
		{pattern: "GET /api/v1/applications/{id}", path: app(subm, ""), want: w{unauth, ok, none, none, none, ok, none, ok}},
		{pattern: "GET /api/v1/applications/{id}", path: app(ofB, ""), want: w{unauth, none, ok, none, none, none, ok, ok}},
		{pattern: "GET /api/v1/applications/{id}", path: app(drft, ""), want: w{unauth, ok, none, none, none, none, none, none}},
		{pattern: "POST /api/v1/applications/{id}/submit", path: app(drft, "/submit"), body: json(`{"code":"000000"}`),
			want: w{unauth, bad, none, none, none, none, none, none}},
		{pattern: "POST /api/v1/applications/{id}/moves", path: app(subm, "/moves"), body: json(`{"action":"take"}`),
			want: w{unauth, no, none, none, none, ok, none, no}}, // the administrator finds it taken
		{pattern: "POST /api/v1/applications/{id}/form", path: app(drft, "/form"), body: json(`{"revision":1,"form":{"statement":"补充说明"}}`),
			want: w{unauth, ok, none, none, none, none, none, none}},
		{pattern: "POST /api/v1/applications/{id}/form", path: app(subm, "/form"), body: func(s *authzSeed) string {
			return fmt.Sprintf(`{"revision":%d,"form":{"statement":"补充说明"}}`, s.find(s.submitted).Revision)
		},
			want: w{unauth, no, none, none, none, no, none, no}},
		// A JSON body is not a file: the applicant is told so, the others
		// that the application does not exist.
		{pattern: "POST /api/v1/applications/{id}/files", path: app(drft, "/files"), body: json(`{}`),
			want: w{unauth, http.StatusUnsupportedMediaType, none, none, none, none, none, none}},
		{pattern: "GET /api/v1/applications/{id}/files/{fid}", path: file(subm, subFile), want: w{unauth, ok, none, none, none, ok, none, ok}},
		{pattern: "GET /api/v1/applications/{id}/files/{fid}", path: file(drft, drftFile), want: w{unauth, ok, none, none, none, none, none, none}},
		{pattern: "GET /api/v1/applications/{id}/files/{fid}", path: file(ofB, subFile), want: w{unauth, none, none, none, none, none, none, none}},
		{pattern: "DELETE /api/v1/applications/{id}/files/{fid}", path: file(subm, subFile), want: w{unauth, no, none, none, none, no, none, no}},
		{pattern: "DELETE /api/v1/applications/{id}/files/{fid}", path: file(drft, drftFile2), want: w{unauth, ok, none, none, none, none, none, none}},
	}
}
