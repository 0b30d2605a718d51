package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestConsultCSRF: every post of 在线咨询 without the form's token, with a
// wrong one, or from another site is refused and changes nothing.
func TestConsultCSRF(t *testing.T) {
	ps := servePlatform(t)
	p := policyFromFile(t, ps.Site.Store, consultFile)
	ps.staff("csrf-officer", huiqi.RoleOfficer, "330482")
	ent := newVisitor(t, ps.URL)
	ps.signIn(ent, "13900000401")
	id := handoff(t, ent, p.ID, consultQuestion)
	off := newVisitor(t, ps.URL)
	ps.signInStaff(off, "csrf-officer")

	before := consultState(t, ps)
	for _, c := range []struct {
		v      *visitor
		path   string
		fields url.Values
	}{
		{ent, "/policies/" + p.ID + "/ask", consultForm("q", consultQuestion)},
		{ent, "/consultations/" + id, consultForm("text", "追问")},
		{ent, "/notifications", consultForm("all", "1")},
		{off, "/staff/consultations/" + id, consultForm("text", "答复")},
	} {
		for name, tok := range map[string][]string{"no token": nil, "wrong token": {"csrf", strings.Repeat("A", 43)}} {
			f := url.Values{}
			for k, v := range c.fields {
				f[k] = v
			}
			f["csrf"] = []string{""}
			if tok != nil {
				f.Set("csrf", tok[1])
			}
			if res, _ := c.v.postForm(c.path, f); res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s with %s: %d, want 403", c.path, name, res.StatusCode)
			}
		}
		f := url.Values{}
		for k, v := range c.fields {
			f[k] = v
		}
		if res, _ := c.v.postForm(c.path, f, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s from another site: %d, want 403", c.path, res.StatusCode)
		}
	}
	if after := consultState(t, ps); after != before {
		t.Errorf("refused posts changed the store: %s → %s", before, after)
	}
}

// consultState sums up the threads, messages and unread notifications.
func consultState(t *testing.T, ps *platformSite) string {
	t.Helper()
	ctx := context.Background()
	ts, _, err := ps.Store.ListThreads(ctx, huiqi.ThreadFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, th := range ts {
		full, err := ps.Store.FindThread(ctx, th.ID)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(th.ID + ":" + string(full.Status) + ":" + strings.Repeat("m", len(full.Messages)) + " ")
	}
	es, _ := ps.Store.AuditEntries(ctx, 0, 10000)
	b.WriteString("audit:" + strings.Repeat("e", len(es)))
	return b.String()
}

// TestConsultSignIn: nobody signed in may ask and read answers, but is
// sent to sign in (and back) for 转人工 and every page of their own; staff
// pages refuse other roles.
func TestConsultSignIn(t *testing.T) {
	ps := servePlatform(t)
	p := policyFromFile(t, ps.Site.Store, consultFile)
	anon := newVisitor(t, ps.URL)
	if res, body := anon.get(askURL(p.ID, consultQuestion)); res.StatusCode != http.StatusOK || !strings.Contains(body, "所引条款") {
		t.Fatalf("asking without signing in: %d", res.StatusCode)
	}
	for _, path := range []string{"/consultations", "/consultations/th_x", "/staff", "/staff/consultations", "/notifications"} {
		res, _ := anon.get(path)
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape(path) {
			t.Errorf("GET %s signed out: %d to %q, want sign-in and back", path, res.StatusCode, loc)
		}
	}
	ask := askURL(p.ID, consultQuestion)
	res, _ := anon.postForm("/policies/"+p.ID+"/ask", consultForm("q", consultQuestion), "Referer", ps.URL+ask)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?next=") {
		t.Errorf("转人工 signed out: %d to %q, want sign-in", res.StatusCode, loc)
	}
	if ts, _, _ := ps.Store.ListThreads(context.Background(), huiqi.ThreadFilter{}); len(ts) != 0 {
		t.Errorf("a thread was made without signing in: %+v", ts)
	}

	ent := newVisitor(t, ps.URL)
	ps.signIn(ent, "13900000501")
	for _, path := range []string{"/staff", "/staff/consultations", "/staff/consultations/th_x"} {
		if res, _ := ent.get(path); res.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s as an enterprise user: %d, want 403", path, res.StatusCode)
		}
	}
	if res, _ := ent.get("/consultations/th_nope"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown thread: %d", res.StatusCode)
	}
	ps.staff("sign-reviewer", huiqi.RoleReviewer, "330400")
	rev := newVisitor(t, ps.URL)
	ps.signInStaff(rev, "sign-reviewer")
	if res, body := rev.get("/staff"); res.StatusCode != http.StatusOK || !strings.Contains(body, "待审核的申报") {
		t.Errorf("a reviewer's desk: %d", res.StatusCode)
	}
	if res, _ := rev.get("/staff/consultations"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer's consultation queue: %d, want 403", res.StatusCode)
	}
}
