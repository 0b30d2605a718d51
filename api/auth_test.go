package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/sms"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// TestMe: GET /api/v1/me answers the token's user and enterprises, and 401
// with WWW-Authenticate: Bearer for none, garbage or a revoked token; every
// body conforms to the documented schema.
func TestMe(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc, err := account.New(db, db, &sms.LogSender{Outbox: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil))},
		account.Config{Secret: []byte(strings.Repeat("k", 32))})
	if err != nil {
		t.Fatal(err)
	}
	u := &huiqi.User{Phone: "13800138000", Role: huiqi.RoleEnterprise}
	if err := db.CreateUser(ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
		t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: "91330100716105852F", Name: "杭州某某科技有限公司"}
	if err := db.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "enterprise.bind"}); err != nil {
		t.Fatal(err)
	}
	token, rec, err := svc.NewToken(ctx, u.ID, "对接")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.NewHandler(db, nil, slog.New(slog.NewTextHandler(io.Discard, nil)), api.WithPlatform(svc)))
	defer srv.Close()
	doc := openAPIDoc(t)

	call := func(auth string, want int) map[string]any {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/me", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != want {
			t.Fatalf("%q: status %d, want %d: %v", auth, res.StatusCode, want, body)
		}
		if err := conforms(doc, responseSchema(t, doc, "/api/v1/me", want), body, "$"); err != nil {
			t.Errorf("%q: %v", auth, err)
		}
		if got := res.Header.Get("WWW-Authenticate"); (want == http.StatusUnauthorized) != strings.HasPrefix(got, "Bearer") {
			t.Errorf("%q: WWW-Authenticate %q", auth, got)
		}
		return body
	}
	me := call("Bearer "+token, http.StatusOK)
	if me["user"].(map[string]any)["id"] != u.ID || len(me["enterprises"].([]any)) != 1 {
		t.Errorf("me: %v", me)
	}
	call("", http.StatusUnauthorized)
	call("Bearer hq_"+strings.Repeat("x", 43), http.StatusUnauthorized)
	call("Token "+token, http.StatusUnauthorized)
	if err := db.RevokeToken(ctx, u.ID, rec.ID, &huiqi.AuditEntry{Actor: u.ID, Action: "token.revoke"}); err != nil {
		t.Fatal(err)
	}
	call("Bearer "+token, http.StatusUnauthorized)
}

// TestMeWithoutPlatform: a server without accounts has no callers.
func TestMeWithoutPlatform(t *testing.T) {
	srv := httptest.NewServer(api.NewHandler(nil, nil, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer hq_x")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized || res.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("status %d, WWW-Authenticate %q", res.StatusCode, res.Header.Get("WWW-Authenticate"))
	}
}
