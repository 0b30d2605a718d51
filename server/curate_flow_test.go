package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
)

// TestCurationAccess: the curation pages are for officers and
// administrators, within their regions; nobody is sent to sign in, an
// enterprise user and a reviewer get 403, an officer of 杭州 neither
// sees nor opens nor saves the 平湖 policy.
func TestCurationAccess(t *testing.T) {
	t.Parallel()
	ps, p := serveCuration(t)
	curatePath := "/staff/policies/" + p.ID + "/curate"
	mid := curate.MeasureIDs(p)[0]
	anon := newVisitor(t, ps.URL)
	if res, _ := anon.get("/staff/policies"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("nobody: %d to %q, want a redirect to sign in", res.StatusCode, res.Header.Get("Location"))
	}
	ent := newVisitor(t, ps.URL)
	ps.signIn(ent, "13800000001")
	rev := ps.staffVisitor(t, "jxrev", huiqi.RoleReviewer, "330400")
	hz := ps.staffVisitor(t, "hzofficer", huiqi.RoleOfficer, "330100")
	for _, path := range []string{"/staff/policies", curatePath, "/staff/measures/" + mid + "/rule"} {
		for name, v := range map[string]*visitor{"enterprise user": ent, "reviewer": rev} {
			res, body := v.get(path)
			statusOf(t, name+" GET "+path, res, body, http.StatusForbidden)
		}
	}
	res, body := hz.get("/staff/policies")
	statusOf(t, "杭州 officer's list", res, body, http.StatusOK)
	if strings.Contains(body, p.ID) || !strings.Contains(body, "/curate") {
		t.Errorf("杭州 officer's list: the 平湖 policy listed %v, a 杭州 one %v", strings.Contains(body, p.ID), strings.Contains(body, "/curate"))
	}
	res, body = hz.get(curatePath)
	statusOf(t, "杭州 officer opening the 平湖 policy", res, body, http.StatusForbidden)
	res, body = hz.postForm(curatePath, url.Values{"csrf": {hz.csrfOf("/staff/policies")}, "base": {"1"}, "title": {"杭州改的"}})
	statusOf(t, "杭州 officer saving the 平湖 policy", res, body, http.StatusForbidden)
	res, body = hz.get("/staff/measures/" + mid + "/rule")
	statusOf(t, "杭州 officer opening a 平湖 rule", res, body, http.StatusForbidden)
	res, body = hz.get("/staff/measures/m_nosuchpolicy_x_1/rule")
	statusOf(t, "an unknown measure", res, body, http.StatusNotFound)
	if vs, _ := ps.Store.ListVersions(context.Background(), p.ID); len(vs) != 1 {
		t.Errorf("%d versions after refused requests, want 1", len(vs))
	}
}

// TestCurationEdit: the 嘉兴 officer sees the source text with clause
// anchors beside the fields, each linked to its clause; a post without
// the CSRF token is refused; a save becomes version 2, labelled on the
// public page 人工核对 with the officer's name and note beside 机器抽取,
// its measures marked 已人工核对; a stale base and a wrong amount are
// refused saying why.
func TestCurationEdit(t *testing.T) {
	t.Parallel()
	ps, p := serveCuration(t)
	ctx := context.Background()
	curatePath := "/staff/policies/" + p.ID + "/curate"
	jx := ps.staffVisitor(t, "jxofficer", huiqi.RoleOfficer, "330400")
	res, body := jx.get("/staff/policies")
	statusOf(t, "the list", res, body, http.StatusOK)
	if !strings.Contains(body, curatePath) || !strings.Contains(body, "待核对") {
		t.Errorf("the list does not offer the 平湖 policy to curate")
	}
	res, body = jx.get(curatePath)
	statusOf(t, "the curation page", res, body, http.StatusOK)
	if len(body) > 200<<10 { // the demo policy has 90 measures
		t.Errorf("the curation page weighs %d KB, more than 200", len(body)>>10)
	}
	item := body[strings.Index(body, `id="m0"`):]
	item = item[:strings.Index(item, "</fieldset>")]
	if !strings.Contains(item, `name="measures.0.amount_max"`) || !strings.Contains(item, `href="#c-`) || !strings.Contains(body, `<section id="c-`) {
		t.Fatalf("the curation page lacks the measure's fields, its clause link or the anchored source: %s", item)
	}
	form := curateForm(t, body)
	bad := url.Values{"csrf": {"forged"}, "base": {"1"}, "title": {"伪造"}}
	res, body = jx.postForm(curatePath, bad)
	statusOf(t, "a post with a forged token", res, body, http.StatusForbidden)

	form.Set("title", p.Title+"（核对稿）")
	form.Set("measures.0.amount_max", "66万元")
	form.Set("note", "金额与原文核对")
	res, body = jx.postForm(curatePath, form)
	statusOf(t, "saving", res, body, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != curatePath+"?saved=2" {
		t.Errorf("after saving: to %q", loc)
	}
	latest, err := ps.Store.FindPolicy(ctx, p.ID)
	if err != nil || latest.Version != 2 || *latest.Measures[0].AmountYuan != 660000 || latest.Title != p.Title+"（核对稿）" {
		t.Fatalf("latest after saving: %+v, %v", latest, err)
	}
	if first, _ := ps.Store.FindPolicyVersion(ctx, p.ID, 1); first.Title != p.Title {
		t.Errorf("the machine's version changed: %q", first.Title)
	}
	_, body = newVisitor(t, ps.URL).get("/policies/" + p.ID)
	for _, want := range []string{"机器抽取", "人工核对（测试jxofficer，", "金额与原文核对）", "已人工核对"} {
		if !strings.Contains(body, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	_, body = newVisitor(t, ps.URL).get("/policies/" + p.ID + "/diff?from=1&to=2")
	if !strings.Contains(body, "（核对稿）") || !strings.Contains(body, "66") {
		t.Error("the diff of the machine's and the officer's versions does not show the title and the amount")
	}
	_, body = newVisitor(t, ps.URL).get("/policies/" + p.ID + "?version=1")
	if strings.Contains(body, "已人工核对") {
		t.Error("the machine's version shows its measures as 已人工核对")
	}

	res, body = jx.postForm(curatePath, form) // the same form: base 1 is stale now
	statusOf(t, "saving on a stale base", res, body, http.StatusConflict)
	if !strings.Contains(body, "第 2 版") || !strings.Contains(body, "打开最新版本重新核对") {
		t.Errorf("the conflict is not explained: %s", errorText(body))
	}
	_, body = jx.get(curatePath)
	form = curateForm(t, body)
	form.Set("measures.0.amount_min", "很多")
	res, body = jx.postForm(curatePath, form)
	statusOf(t, "a wrong amount", res, body, http.StatusBadRequest)
	if !strings.Contains(body, "measures.0.amount_min") || !strings.Contains(body, `value="很多"`) {
		t.Errorf("the refusal does not name the field or lost the value typed: %s", errorText(body))
	}
	es, _ := ps.Store.AuditEntries(ctx, 0, 100)
	n := 0
	for _, e := range es {
		if e.Action == "policy.curate" && e.Object == "policy:"+p.ID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d policy.curate entries, want 1", n)
	}
}
