package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/sms"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// Two claims wait: one to an enterprise of 杭州市西湖区, one of 成都市锦江区.
const (
	hzCode = "91330100716105852F"
	cdCode = "91510100MA61R5XN3K"
)

// newBindingsAPI is the API over one SQLite store with an API token of an
// officer of 浙江, one of 四川, a reviewer of 浙江, an administrator, the
// two claimants and a verified enterprise user; it returns the claimants.
func newBindingsAPI(t *testing.T) (a *appsAPI, hz, cd *huiqi.User) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	acc, err := account.New(db, db, &sms.LogSender{Outbox: db, Log: quiet}, account.Config{Secret: []byte(strings.Repeat("k", 32))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.NewHandler(db, nil, quiet, api.WithPlatform(acc)))
	t.Cleanup(srv.Close)
	a = &appsAPI{t: t, db: db, url: srv.URL, doc: openAPIDoc(t), tokens: map[string]string{}}
	a.user(acc, "officer", &huiqi.User{Username: "off.zj", Role: huiqi.RoleOfficer, Regions: []string{"330000"}}, "")
	a.user(acc, "far", &huiqi.User{Username: "off.sc", Role: huiqi.RoleOfficer, Regions: []string{"510000"}}, "")
	a.user(acc, "reviewer", &huiqi.User{Username: "rev.zj", Role: huiqi.RoleReviewer, Regions: []string{"330000"}}, "")
	a.user(acc, "admin", &huiqi.User{Username: "root", Role: huiqi.RoleAdmin}, "")
	a.user(acc, "colleague", &huiqi.User{Phone: "13800138009", Role: huiqi.RoleEnterprise}, hzCode)
	base := time.Now().UTC()
	db.Now = func() time.Time { return base } // 杭州's claim a second before 成都's
	hz = claimant(t, db, "13800138001", hzCode, "330106")
	db.Now = func() time.Time { return base.Add(time.Second) }
	cd = claimant(t, db, "13800138002", cdCode, "510104")
	db.Now = time.Now
	return a, hz, cd
}

// claimant stores an enterprise user with an unverified claim.
func claimant(t *testing.T, db *sqlite.DB, phone, code, region string) *huiqi.User {
	t.Helper()
	ctx := context.Background()
	u := &huiqi.User{Phone: phone, Role: huiqi.RoleEnterprise}
	if err := db.CreateUser(ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
		t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: "某某有限公司", RegionCode: region}
	if err := db.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "binding.claim"}); err != nil {
		t.Fatal(err)
	}
	return u
}

// pendingUsers lists the claimants of GET /api/v1/bindings/pending as who.
func pendingUsers(a *appsAPI, who string) []string {
	got := a.call(who, "GET", "/api/v1/bindings/pending", "/api/v1/bindings/pending", nil, http.StatusOK)
	var out []string
	for _, b := range got["bindings"].([]any) {
		out = append(out, b.(map[string]any)["user_id"].(string))
	}
	return out
}

// TestBindingsAPI: officers list and verify the claims of their regions,
// administrators all; reviewers and enterprise users are refused; every
// body conforms to the document.
func TestBindingsAPI(t *testing.T) {
	a, hz, cd := newBindingsAPI(t)
	const pending, verify = "/api/v1/bindings/pending", "/api/v1/bindings/verify"
	if got := pendingUsers(a, "officer"); len(got) != 1 || got[0] != hz.ID {
		t.Errorf("浙江's officer lists %v, want %s", got, hz.ID)
	}
	if got := pendingUsers(a, "far"); len(got) != 1 || got[0] != cd.ID {
		t.Errorf("四川's officer lists %v, want %s", got, cd.ID)
	}
	if got := pendingUsers(a, "admin"); len(got) != 2 || got[0] != hz.ID || got[1] != cd.ID {
		t.Errorf("the administrator lists %v, want both, oldest first", got)
	}
	for _, who := range []string{"reviewer", "colleague"} {
		a.call(who, "GET", pending, pending, nil, http.StatusForbidden)
		a.call(who, "POST", verify, verify, map[string]string{"user_id": hz.ID, "credit_code": hzCode}, http.StatusForbidden)
	}
	a.call("far", "POST", verify, verify, map[string]string{"user_id": hz.ID, "credit_code": hzCode}, http.StatusForbidden)
	a.call("officer", "POST", verify, verify, map[string]string{"user_id": hz.ID, "credit_code": cdCode}, http.StatusNotFound)
	a.call("officer", "POST", verify, verify, map[string]string{"user_id": hz.ID}, http.StatusBadRequest)
	a.call("officer", "POST", verify, verify, map[string]string{"user_id": hz.ID, "credit_code": "913301"}, http.StatusBadRequest)
	a.call("officer", "POST", verify, verify, map[string]any{"user_id": hz.ID, "credit_code": hzCode, "extra": 1}, http.StatusBadRequest)
	got := a.call("officer", "POST", verify, verify, map[string]string{"user_id": hz.ID, "credit_code": " " + strings.ToLower(hzCode)}, http.StatusOK)
	if got["verified"] != true || got["credit_code"] != hzCode || got["user_id"] != hz.ID || got["verified_by"] == "" {
		t.Errorf("verified binding %v", got)
	}
	if got := pendingUsers(a, "officer"); len(got) != 0 {
		t.Errorf("after verifying, 浙江's officer lists %v", got)
	}
	a.call("admin", "POST", verify, verify, map[string]string{"user_id": hz.ID, "credit_code": hzCode}, http.StatusOK) // again: nothing changes
	a.call("admin", "POST", verify, verify, map[string]string{"user_id": cd.ID, "credit_code": cdCode}, http.StatusOK)
	bound, err := a.db.Enterprises(context.Background(), cd.ID)
	if err != nil || len(bound) != 1 || !bound[0].Verified {
		t.Errorf("stored binding of %s: %+v, %v", cd.ID, bound, err)
	}
	if got := pendingUsers(a, "admin"); len(got) != 0 {
		t.Errorf("after verifying both, the administrator lists %v", got)
	}
}

// TestBindingsAPINoToken: without a token both routes answer 401 naming
// the Bearer scheme.
func TestBindingsAPINoToken(t *testing.T) {
	a, _, _ := newBindingsAPI(t)
	for _, r := range []struct{ method, path string }{{"GET", "/api/v1/bindings/pending"}, {"POST", "/api/v1/bindings/verify"}} {
		req, _ := http.NewRequest(r.method, a.url+r.path, strings.NewReader(`{}`))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s %s without a token: %d, WWW-Authenticate %q", r.method, r.path, res.StatusCode, res.Header.Get("WWW-Authenticate"))
		}
	}
}
