package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/internal/sitetest"
	"github.com/huiqi-dev/huiqi/portal"
	"github.com/huiqi-dev/huiqi/server"
	"github.com/huiqi-dev/huiqi/sms"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// platformSite is the whole site with the platform on: the demo corpus of
// the shared fixture for policies and 我的企业 profiles, and a store of its
// own (accounts, applications, consultations, the audit log) in a
// temporary directory. Codes go to the store's outbox; the clock is the
// test's.
type platformSite struct {
	t     testing.TB
	Site  *sitetest.Fixture
	Store *sqlite.DB
	// Accounts is the service the site signs in with.
	Accounts *account.Service
	URL      string
	// Log is the site's log, shown when the test fails.
	Log sitetest.Buffer

	mu  sync.Mutex
	now time.Time
}

// servePlatform starts the site with a Platform over a new SQLite store,
// with the server's options besides.
func servePlatform(t testing.TB, opts ...server.Option) *platformSite {
	t.Helper()
	f, _ := serve(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ps := &platformSite{t: t, Site: f, Store: db, now: time.Now().UTC()}
	db.Now = ps.clock
	sender := &sms.LogSender{Outbox: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: ps.clock}
	ps.Accounts, err = account.New(db, db, sender, account.Config{Secret: []byte(strings.Repeat("s", 32)), Now: ps.clock})
	if err != nil {
		t.Fatal(err)
	}
	p := &portal.Platform{Accounts: ps.Accounts, Users: db, Apps: db, Threads: db, Audit: db}
	h, err := server.New(f.Store, f.Index, slog.New(slog.NewTextHandler(&ps.Log, nil)), append(opts, server.WithPlatform(p))...)
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
	return ps
}

func (ps *platformSite) clock() time.Time {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.now
}

// advance moves the site's clock on.
func (ps *platformSite) advance(d time.Duration) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.now = ps.now.Add(d)
}

// code returns the verification code of the latest message to phone in
// the outbox; the test fails when there is none.
func (ps *platformSite) code(phone string) string {
	ps.t.Helper()
	msgs, err := ps.Store.Outbox(context.Background(), 1000)
	if err != nil {
		ps.t.Fatal(err)
	}
	for _, m := range msgs { // newest first
		if m.Phone == phone {
			if c := sms.Code(m.Text); c != "" {
				return c
			}
		}
	}
	ps.t.Fatalf("no code for %s in the outbox", phone)
	return ""
}

// sent counts the messages to phone in the outbox.
func (ps *platformSite) sent(phone string) int {
	ps.t.Helper()
	msgs, err := ps.Store.Outbox(context.Background(), 1000)
	if err != nil {
		ps.t.Fatal(err)
	}
	n := 0
	for _, m := range msgs {
		if m.Phone == phone {
			n++
		}
	}
	return n
}

// staff adds a staff member with the password "correct horse battery".
func (ps *platformSite) staff(username string, role huiqi.Role, regions ...string) *huiqi.User {
	ps.t.Helper()
	u, err := account.NewStaff(username, "测试"+username, role, regions, "", staffPassword)
	if err != nil {
		ps.t.Fatal(err)
	}
	if err := account.CreateStaff(context.Background(), ps.Store, "system", u, ps.clock()); err != nil {
		ps.t.Fatal(err)
	}
	return u
}

const staffPassword = "correct horse battery"

// signIn signs the visitor in with phone and the code from the outbox.
func (ps *platformSite) signIn(v *visitor, phone string) {
	v.t.Helper()
	if res, body := v.postForm("/login/code", url.Values{"phone": {phone}}); res.StatusCode != http.StatusOK {
		v.t.Fatalf("code for %s: %d %s", phone, res.StatusCode, errorText(body))
	}
	res, body := v.postForm("/login", url.Values{"phone": {phone}, "code": {ps.code(phone)}})
	if res.StatusCode != http.StatusSeeOther {
		v.t.Fatalf("sign in %s: %d %s", phone, res.StatusCode, errorText(body))
	}
}

// signInStaff signs the visitor in as a staff member.
func (ps *platformSite) signInStaff(v *visitor, username string) {
	v.t.Helper()
	res, body := v.postForm("/login/staff", url.Values{"username": {username}, "password": {staffPassword}})
	if res.StatusCode != http.StatusSeeOther {
		v.t.Fatalf("sign in %s: %d %s", username, res.StatusCode, errorText(body))
	}
}

// postForm posts fields to path with the CSRF token of the browser (read
// from the sign-in page, which every browser may open) unless the fields
// set their own.
func (v *visitor) postForm(path string, fields url.Values, header ...string) (*http.Response, string) {
	v.t.Helper()
	if _, ok := fields["csrf"]; !ok {
		fields.Set("csrf", v.csrfOf("/login"))
	}
	req, _ := http.NewRequest(http.MethodPost, v.base+path, strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return v.do(req)
}

// csrfOf returns the CSRF token of the form on the page at path.
func (v *visitor) csrfOf(path string) string {
	v.t.Helper()
	_, body := v.get(path)
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		v.t.Fatalf("%s has no CSRF token", path)
	}
	return m[1]
}

// cookie returns the value of the browser's cookie name, "" when none.
func (v *visitor) cookie(name string) string {
	u, _ := url.Parse(v.base)
	for _, c := range v.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

var errorSummary = regexp.MustCompile(`(?s)<div class="error-summary"[^>]*>(.*?)</div>|<p class="lead">(.*?)</p>`)

// errorText is the error message of a page, for failure messages.
func errorText(body string) string {
	if m := errorSummary.FindStringSubmatch(body); m != nil {
		return strings.TrimSpace(m[1] + m[2])
	}
	return ""
}
