package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/internal/sitetest"
	"github.com/huiqi-dev/huiqi/postgres"
)

var (
	sharedOnce sync.Once
	shared     *sitetest.Fixture
	sharedSrv  *httptest.Server
)

// server returns one API server over the fixture, shared by the read-only tests.
func server(t *testing.T) (*sitetest.Fixture, *httptest.Server) {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := tempDir()
		if err != nil {
			t.Fatal(err)
		}
		shared = sitetest.New(t, dir, openIndex)
		sharedSrv = httptest.NewServer(api.NewHandler(shared.Store, shared.Index, slog.New(slog.DiscardHandler)))
	})
	if shared == nil {
		t.Fatal("fixture failed")
	}
	return shared, sharedSrv
}

// response is what a case looks at.
type response struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, url string) response {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, b}
}

func decodeBody[T any](t *testing.T, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("body is not the expected JSON: %v\n%s", err, r.body)
	}
	return v
}

// apiError is the JSON of an error response.
type apiError struct {
	Error struct{ Code, Message string } `json:"error"`
}

// wantError checks an error response: its status, code, and words of its message.
func wantError(status int, code string, words ...string) func(*testing.T, response) {
	return func(t *testing.T, r response) {
		t.Helper()
		if r.status != status {
			t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
		}
		e := decodeBody[apiError](t, r)
		if e.Error.Code != code {
			t.Errorf("code %q, want %q", e.Error.Code, code)
		}
		for _, w := range words {
			if !strings.Contains(e.Error.Message, w) {
				t.Errorf("message %q lacks %q", e.Error.Message, w)
			}
		}
	}
}

// failingStore is the real store with reads that fail inside, to show that
// internals never reach the client.
type failingStore struct{ huiqi.PolicyStore }

func (failingStore) FindPolicy(context.Context, string) (*huiqi.Policy, error) {
	return nil, errors.New("sqlite: disk I/O error at /secret/path/huiqi.db")
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	f, _ := server(t)
	srv := httptest.NewServer(api.NewHandler(failingStore{f.Store}, f.Index, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	r := get(t, srv.URL+"/api/v1/policies/"+f.Single)
	wantError(500, "internal", "internal error")(t, r)
	if strings.Contains(string(r.body), "secret") || strings.Contains(string(r.body), "sqlite") {
		t.Errorf("internal detail leaked: %s", r.body)
	}
}

func TestStatusCode(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{huiqi.Errorf(huiqi.EINVALID, "x"), 400},
		{huiqi.Errorf(huiqi.ENOTFOUND, "x"), 404},
		{huiqi.Errorf(huiqi.ECONFLICT, "x"), 409},
		{huiqi.Errorf(huiqi.EUNAUTHORIZED, "x"), 401},
		{huiqi.Errorf(huiqi.EFORBIDDEN, "x"), 403},
		{huiqi.Errorf(huiqi.EUNSUPPORTED, "x"), 415},
		{huiqi.Errorf(huiqi.ELIMITED, "x"), 429},
		{huiqi.Errorf(huiqi.EINTERNAL, "x"), 500},
		{errors.New("plain"), 500},
		{huiqi.Errorf("weird", "x"), 500},
	}
	for _, c := range cases {
		if got := api.StatusCode(c.err); got != c.want {
			t.Errorf("StatusCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

// TestAPIPostgres runs the same cases in server mode: a PostgreSQL store and
// its full-text search.
func TestAPIPostgres(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t)
	store, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	index, err := postgres.OpenSearchIndex(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer index.Close()
	f := sitetest.Fill(t, t.TempDir(), store, index)
	srv := httptest.NewServer(api.NewHandler(f.Store, f.Index, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	for _, c := range apiCases(f) {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, get(t, srv.URL+expand(c.path, f)))
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	f, srv := server(t)
	cases := []struct {
		name, method, path string
		status             int
		allow              string
	}{
		{"post to a route", http.MethodPost, "/api/v1/policies", 405, "GET, HEAD"},
		{"delete a policy", http.MethodDelete, "/api/v1/policies/" + f.Single, 405, "GET, HEAD"},
		{"get the match", http.MethodGet, "/api/v1/match", 405, "POST"},
		{"delete the match", http.MethodDelete, "/api/v1/match", 405, "POST"},
		{"post to nothing", http.MethodPost, "/api/v1/nothing", 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, err := http.NewRequest(c.method, srv.URL+c.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != c.status || !strings.Contains(string(b), `"error":{"code"`) {
				t.Errorf("status %d, body %s; want %d with a JSON error", res.StatusCode, b, c.status)
			}
			if res.Header.Get("Allow") != c.allow {
				t.Errorf("Allow %q, want %q", res.Header.Get("Allow"), c.allow)
			}
			if c.status == 405 && !strings.Contains(string(b), "(allowed: "+c.allow+")") {
				t.Errorf("body %s does not name the allowed methods", b)
			}
		})
	}
}
