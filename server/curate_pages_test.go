package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/fulltext"
	"github.com/huiqi-dev/huiqi/portal"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/server"
	"github.com/huiqi-dev/huiqi/sms"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// curatedTitle is the demo policy the curation pages correct: 平湖市
// (330482), within 嘉兴市 (330400).
const curatedTitle = "关于全面推进科技创新推动高质量发展的若干政策意见"

// serveCuration starts the site with the platform over one new SQLite
// store holding the demo policy of 平湖 and one 杭州 policy, with its own
// embedded index: curating changes versions, so the shared fixture of
// the other tests is left alone. The store keeps policies, accounts and
// the audit log, as `huiqi serve` has it.
func serveCuration(t *testing.T) (*platformSite, *huiqi.Policy) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix, err := fulltext.Open(dir + "/index")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var pinghu *huiqi.Policy
	hangzhou := false
	for _, p := range corpus {
		isHZ := !hangzhou && p.Region != nil && strings.HasPrefix(p.Region.Code, "3301")
		if p.Title != curatedTitle && !isHZ {
			continue
		}
		c := *p
		c.Source.SHA256, c.Source.Size = huiqi.TextHash(c.Text), int64(len(c.Text))
		if _, err := db.SavePolicy(ctx, &c, []byte(c.Text)); err != nil {
			t.Fatal(err)
		}
		if err := ix.Index(ctx, &c); err != nil {
			t.Fatal(err)
		}
		if isHZ {
			hangzhou = true
		} else {
			pinghu = &c
		}
	}
	if pinghu == nil || !hangzhou {
		t.Fatalf("demo corpus: 平湖 policy %v, a 杭州 policy %v", pinghu != nil, hangzhou)
	}
	ps := &platformSite{t: t, Store: db, now: time.Now().UTC()}
	db.Now = ps.clock
	sender := &sms.LogSender{Outbox: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: ps.clock}
	ps.Accounts, err = account.New(db, db, sender, account.Config{Secret: []byte(strings.Repeat("s", 32)), Now: ps.clock})
	if err != nil {
		t.Fatal(err)
	}
	p := &portal.Platform{Accounts: ps.Accounts, Users: db, Apps: db, Threads: db, Audit: db}
	h, err := server.New(db, ix, slog.New(slog.NewTextHandler(&ps.Log, nil)), server.WithPlatform(p))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		if t.Failed() {
			t.Logf("site log:\n%s", ps.Log.String())
		}
	})
	ps.URL = srv.URL
	return ps, pinghu
}

// staffVisitor is a browser signed in as a new staff member.
func (ps *platformSite) staffVisitor(t *testing.T, username string, role huiqi.Role, regions ...string) *visitor {
	ps.staff(username, role, regions...)
	v := newVisitor(t, ps.URL)
	ps.signInStaff(v, username)
	return v
}

// curateForm is the form of the curation page as the browser would post
// it: every input with its value, the CSRF token and the base version.
func curateForm(t *testing.T, body string) url.Values {
	t.Helper()
	form := url.Values{}
	for _, m := range formInput.FindAllStringSubmatch(body, -1) {
		form.Set(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	if form.Get("csrf") == "" || form.Get("base") == "" {
		t.Fatalf("the curation page has no csrf or base field")
	}
	return form
}

func statusOf(t *testing.T, what string, res *http.Response, body string, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: %d, want %d: %s", what, res.StatusCode, want, errorText(body))
	}
}

// matchStatus asks POST /api/v1/match about an enterprise of 平湖 with 300
// employees and returns the measure's status and whether it was curated.
func matchStatus(t *testing.T, base, measureID string) (huiqi.MatchStatus, bool) {
	t.Helper()
	body := `{"profile": {"region_code": "330482", "employees": 300}, "as_of": "2026-05-01"}`
	res, err := http.Post(base+"/api/v1/match", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var rep huiqi.MatchReport
	if err := json.NewDecoder(res.Body).Decode(&rep); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("match: %d %v", res.StatusCode, err)
	}
	for _, r := range rep.Results {
		if r.MeasureID == measureID {
			return r.Status, r.Curated
		}
	}
	return "", false
}

// sizeRuleYAML is a curated rule of measure id: at least 100 employees;
// its cases expect a small enterprise to get want.
func sizeRuleYAML(id, want string) (string, string) {
	return fmt.Sprintf(`id: %s
name: 核对后的措施
kind: measure
region: "330482"
source: {title: 核对}
versions:
  - version: "1"
    effective_from: 2000-01-01
    when:
      id: size
      check: employees >= 100人
`, id), fmt.Sprintf(`- name: 大企业
  as_of: 2026-05-01
  profile: {region_code: "330482", employees: 300}
  expect:
    %[1]s: {status: eligible}
- name: 小企业
  as_of: 2026-05-01
  profile: {region_code: "330482", employees: 10}
  expect:
    %[1]s: {status: %[2]s}
`, id, want)
}

// formInput is an input of a form with its value.
var formInput = regexp.MustCompile(`<input[^>]* name="([^"]+)" value="([^"]*)"`)
