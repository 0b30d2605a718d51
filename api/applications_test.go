package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/apply"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/propose"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/sms"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/upload"
)

// appsAPI is the API with applications over one SQLite store holding the
// demo corpus and the accounts, and a token per user.
type appsAPI struct {
	t       *testing.T
	db      *sqlite.DB
	url     string
	doc     map[string]any
	policy  *huiqi.Policy
	measure *propose.Proposal
	max     int64
	tokens  map[string]string // by user name in the test
}

func newAppsAPI(t *testing.T) *appsAPI {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range corpus {
		c := *p
		c.Source.SHA256, c.Source.Size = huiqi.TextHash(c.Text), int64(len(c.Text))
		if _, err := db.SavePolicy(ctx, &c, []byte(c.Text)); err != nil {
			t.Fatal(err)
		}
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	acc, err := account.New(db, db, &sms.LogSender{Outbox: db, Log: quiet}, account.Config{Secret: []byte(strings.Repeat("k", 32))})
	if err != nil {
		t.Fatal(err)
	}
	a := &appsAPI{t: t, db: db, doc: openAPIDoc(t), tokens: map[string]string{}}
	a.pickMeasure()
	svc := &apply.Service{Apps: db, Accounts: acc, Users: db, Policies: db, Profiles: db, Matcher: match.NewCache(db, nil),
		Limits: upload.Limits{MaxSize: 1 << 20}}
	srv := httptest.NewServer(api.NewHandler(db, nil, quiet, api.WithPlatform(acc), api.WithApplications(svc)))
	t.Cleanup(srv.Close)
	a.url = srv.URL
	a.user(acc, "owner", &huiqi.User{Phone: "13800138000", Role: huiqi.RoleEnterprise}, "91330100716105852F")
	a.user(acc, "other", &huiqi.User{Phone: "13800138001", Role: huiqi.RoleEnterprise}, "91110108551385082Q")
	a.user(acc, "reviewer", &huiqi.User{Username: "rev", Name: "王力", Role: huiqi.RoleReviewer, Regions: []string{a.policy.Region.Code}}, "")
	a.user(acc, "far", &huiqi.User{Username: "far", Role: huiqi.RoleReviewer, Regions: []string{"650000"}}, "")
	return a
}

// pickMeasure picks a measure for enterprises of a local policy with a
// maximum amount.
func (a *appsAPI) pickMeasure() {
	list, _, err := a.db.ListPolicies(context.Background(), huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		a.t.Fatal(err)
	}
	for _, s := range list {
		p, err := a.db.FindPolicy(context.Background(), s.ID)
		if err != nil {
			a.t.Fatal(err)
		}
		if p.Draft || p.Region == nil || p.Region.Code == propose.National || len(p.Region.Code) != 6 {
			continue
		}
		for _, pr := range propose.Propose(p) {
			if pr.Applicant == huiqi.BeneficiaryEnterprise && pr.Amount.Kind == propose.AmountFixed && pr.Amount.Max > 0 {
				a.policy, a.measure, a.max = p, pr, pr.Amount.Max
				return
			}
		}
	}
	a.t.Fatal("no local measure with a fixed amount in the demo corpus")
}

// user stores u (bound to the enterprise code when given) and keeps an API
// token of it under name.
func (a *appsAPI) user(acc *account.Service, name string, u *huiqi.User, code string) {
	ctx := context.Background()
	if err := a.db.CreateUser(ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
		a.t.Fatal(err)
	}
	if code != "" {
		b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: code, Name: "某某有限公司"}
		if err := a.db.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "enterprise.bind"}); err != nil {
			a.t.Fatal(err)
		}
		if err := a.db.VerifyBinding(ctx, u.ID, code, &huiqi.AuditEntry{Actor: "system", Action: "binding.verify"}); err != nil {
			a.t.Fatal(err)
		}
	}
	token, _, err := acc.NewToken(ctx, u.ID, "对接")
	if err != nil {
		a.t.Fatal(err)
	}
	a.tokens[name] = token
}

// call sends a request as who and checks the status and that the body
// conforms to the documented schema of the route, method and status.
func (a *appsAPI) call(who, method, path, tmpl string, body any, want int) map[string]any {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, a.url+path, rd)
	req.Header.Set("Authorization", "Bearer "+a.tokens[who])
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	var got map[string]any
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
		a.t.Fatal(err)
	}
	if res.StatusCode != want {
		a.t.Fatalf("%s %s as %s: %d %v, want %d", method, path, who, res.StatusCode, got, want)
	}
	op := a.doc["paths"].(map[string]any)[tmpl].(map[string]any)[strings.ToLower(method)].(map[string]any)
	resp, ok := op["responses"].(map[string]any)[strconv.Itoa(want)].(map[string]any)
	if !ok {
		a.t.Fatalf("%s %s: status %d not documented", method, tmpl, want)
	}
	schema := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
	if err := conforms(a.doc, schema, any(got), "$"); err != nil {
		a.t.Errorf("%s %s %d: %v", method, tmpl, want, err)
	}
	return got
}

// TestApplicationsAPI: start, read, submit with the SMS code, review;
// another enterprise and another region's reviewer get 404; every body
// conforms to the document.
func TestApplicationsAPI(t *testing.T) {
	a := newAppsAPI(t)
	const list, one = "/api/v1/applications", "/api/v1/applications/{id}"
	start := map[string]any{"credit_code": "91330100716105852F", "policy_id": a.policy.ID, "measure_id": a.measure.ID}
	created := a.call("owner", "POST", list, list, start, http.StatusCreated)
	id := created["id"].(string)
	if created["region_code"] != a.policy.Region.Code || created["status"] != "draft" {
		t.Fatalf("started %v", created)
	}
	if again := a.call("owner", "POST", list, list, start, http.StatusOK); again["id"] != id {
		t.Fatalf("started again: %v, want %s", again["id"], id)
	}
	a.call("owner", "POST", list, list, map[string]any{"credit_code": "91110108551385082Q", "policy_id": a.policy.ID, "measure_id": a.measure.ID}, http.StatusForbidden)
	a.call("owner", "POST", list, list, map[string]any{"measure": "x"}, http.StatusBadRequest)
	path := "/api/v1/applications/" + id
	a.call("owner", "GET", path, one, nil, http.StatusOK)
	a.call("other", "GET", path, one, nil, http.StatusNotFound)
	a.call("far", "GET", path, one, nil, http.StatusNotFound)
	a.call("other", "POST", path+"/submit", one+"/submit", map[string]any{}, http.StatusNotFound)
	a.call("owner", "POST", path+"/moves", one+"/moves", map[string]any{"action": "take"}, http.StatusForbidden)

	a.call("owner", "POST", path+"/submit", one+"/submit", map[string]any{}, http.StatusAccepted)
	msgs, err := a.db.Outbox(context.Background(), 1)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("outbox %v %v", msgs, err)
	}
	a.call("owner", "POST", path+"/submit", one+"/submit", map[string]any{"code": wrongCode(sms.Code(msgs[0].Text)), "form": map[string]string{"contact_name": "张三"}}, http.StatusUnauthorized)
	got := a.call("owner", "POST", path+"/submit", one+"/submit", map[string]any{"code": sms.Code(msgs[0].Text), "revision": 2}, http.StatusOK)
	if got["status"] != "submitted" {
		t.Fatalf("submitted %v", got["status"])
	}

	a.call("far", "POST", path+"/moves", one+"/moves", map[string]any{"action": "take"}, http.StatusNotFound)
	a.call("reviewer", "POST", path+"/moves", one+"/moves", map[string]any{"action": "take", "revision": 2}, http.StatusConflict)
	a.call("reviewer", "POST", path+"/moves", one+"/moves", map[string]any{"action": "take"}, http.StatusOK)
	a.call("reviewer", "POST", path+"/moves", one+"/moves", map[string]any{"action": "approve", "amount_yuan": a.max + 1}, http.StatusBadRequest)
	got = a.call("reviewer", "POST", path+"/moves", one+"/moves", map[string]any{"action": "approve", "amount_yuan": a.max, "comment": "同意"}, http.StatusOK)
	if got["status"] != "approved" || got["granted_yuan"] != float64(a.max) {
		t.Fatalf("approved %v %v", got["status"], got["granted_yuan"])
	}

	q := a.call("reviewer", "GET", list+"?status=approved&region="+a.policy.Region.Code, list, nil, http.StatusOK)
	if q["total"] != float64(1) {
		t.Errorf("reviewer's queue: %v", q)
	}
	a.call("far", "GET", list+"?region="+a.policy.Region.Code, list, nil, http.StatusForbidden)
	if q := a.call("far", "GET", list, list, nil, http.StatusOK); q["total"] != float64(0) {
		t.Errorf("far reviewer's queue: %v", q)
	}
	if q := a.call("other", "GET", list, list, nil, http.StatusOK); q["total"] != float64(0) {
		t.Errorf("other enterprise's list: %v", q)
	}
	if q := a.call("owner", "GET", list, list, nil, http.StatusOK); q["total"] != float64(1) {
		t.Errorf("owner's list: %v", q)
	}
	a.call("owner", "GET", list+"?status=open", list, nil, http.StatusBadRequest)
}

func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}
