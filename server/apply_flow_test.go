package server_test

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// TestApplyFlow: an enterprise user starts an application from the 我要申报
// button of its results, saves the draft, attaches a file, submits it with
// an SMS code; a reviewer of the region takes it and returns it with a
// comment; the applicant sees the timeline. Another enterprise's user and
// a reviewer of another region get 404 pages.
func TestApplyFlow(t *testing.T) {
	ps := servePlatform(t)
	v, owner := applicant(t, ps, "13800138010")
	path := startApplication(t, v)
	id := strings.TrimPrefix(path, "/applications/")
	a, err := ps.Store.FindApplication(context.Background(), id)
	if err != nil || a.UserID != owner.ID || a.CreditCode != applyCredit {
		t.Fatalf("stored %+v, %v", a, err)
	}
	_, page := v.get(path)
	for _, want := range []string{a.MeasureName, `value="13800138010"`, "/policies/" + a.PolicyID + "#c-", "保存草稿", "获取验证码", "尚未提交"} {
		if !strings.Contains(page, want) {
			t.Errorf("the application page lacks %s", want)
		}
	}
	csrf := pageCSRF(t, page)
	res, _ := v.postForm(path, url.Values{"csrf": {csrf}, "revision": {revisionOf(page)}, "f.statement": {"本公司符合条件。"}, "f.contact_name": {"李四"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path+"?done=saved" {
		t.Fatalf("save: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, body := v.postForm(path, url.Values{"csrf": {csrf}, "revision": {"1"}, "f.statement": {"旧版本"}}); res.StatusCode != http.StatusConflict || !strings.Contains(body, "请刷新后重试") {
		t.Errorf("save on a stale revision: %d %s", res.StatusCode, errorText(body))
	}
	if res, _ := v.postForm(path, url.Values{"csrf": {"forged"}, "f.statement": {"x"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("save with a forged token: %d", res.StatusCode)
	}
	if res, _ := v.upload(path+"/files", "", "a.png", pngBytes(t)); res.StatusCode != http.StatusForbidden {
		t.Errorf("upload without a token: %d", res.StatusCode)
	}
	if res, body := v.upload(path+"/files", csrf, "报表.pdf", pngBytes(t)); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "报表.pdf") {
		t.Errorf("a PNG named .pdf: %d %s", res.StatusCode, errorText(body))
	}
	res, body := v.upload(path+"/files", csrf, "营业执照.png", pngBytes(t))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", res.StatusCode, errorText(body))
	}
	a, _ = ps.Store.FindApplication(context.Background(), id)
	if len(a.Attachments) != 1 {
		t.Fatalf("attachments %+v", a.Attachments)
	}
	filePath := path + "/files/" + a.Attachments[0].ID
	checkDownload(t, v, filePath, pngBytes(t))

	submit(t, ps, v, path, owner.Phone)
	_, page = v.get(path + "?done=submitted")
	if !strings.Contains(page, "申报已提交") || !strings.Contains(page, "已提交") || strings.Contains(page, "保存草稿") {
		t.Error("the submitted application still offers editing or says nothing")
	}

	foreign(t, ps, path, filePath)

	reviewer := newVisitor(t, ps.URL)
	ps.staff("rev", huiqi.RoleReviewer, a.RegionCode)
	ps.signInStaff(reviewer, "rev")
	_, queue := reviewer.get("/staff/applications?status=submitted")
	if !strings.Contains(queue, "/staff/applications/"+id) {
		t.Fatal("the reviewer's queue does not list the application")
	}
	checkDownload(t, reviewer, filePath, pngBytes(t))
	move(t, reviewer, id, url.Values{"action": {"take"}}, http.StatusSeeOther)
	move(t, reviewer, id, url.Values{"action": {"return"}}, http.StatusBadRequest)
	move(t, reviewer, id, url.Values{"action": {"disburse"}}, http.StatusForbidden)
	move(t, reviewer, id, url.Values{"action": {"return"}, "comment": {"请补充财务报表"}}, http.StatusSeeOther)

	apiSees(t, ps, owner.ID, id, http.StatusOK)
	other, err := ps.Store.FindUserByPhone(context.Background(), "13800138011")
	if err != nil {
		t.Fatal(err)
	}
	apiSees(t, ps, other.ID, id, http.StatusNotFound)
	_, page = v.get(path)
	for _, want := range []string{"已提交 → 审核中 → 退回修改", "请补充财务报表", "测试rev", "重新提交", "保存草稿"} {
		if !strings.Contains(page, want) {
			t.Errorf("the returned application lacks %s", want)
		}
	}
}

// submit requests a code and submits with it, after a wrong one.
func submit(t *testing.T, ps *platformSite, v *visitor, path, phone string) {
	t.Helper()
	_, page := v.get(path)
	csrf := pageCSRF(t, page)
	if res, body := v.postForm(path+"/code", url.Values{"csrf": {csrf}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("request a code: %d %s", res.StatusCode, errorText(body))
	}
	code := ps.code(phone)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	res, body := v.postForm(path+"/submit", url.Values{"csrf": {csrf}, "code": {wrong}})
	if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "验证码不正确") {
		t.Fatalf("wrong code: %d %s", res.StatusCode, errorText(body))
	}
	res, body = v.postForm(path+"/submit", url.Values{"csrf": {csrf}, "code": {code}, "revision": {revisionOf(page)}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path+"?done=submitted" {
		t.Fatalf("submit: %d %s", res.StatusCode, errorText(body))
	}
}

// foreign: another enterprise's user and a reviewer of another region get
// the 404 page for the application, its file and its forms.
func foreign(t *testing.T, ps *platformSite, path, filePath string) {
	t.Helper()
	other := newVisitor(t, ps.URL)
	ps.signIn(other, "13800138011")
	far := newVisitor(t, ps.URL)
	ps.staff("far", huiqi.RoleReviewer, "650000")
	ps.signInStaff(far, "far")
	id := strings.TrimPrefix(path, "/applications/")
	for name, v := range map[string]*visitor{"other enterprise": other, "far reviewer": far} {
		for _, p := range []string{path, filePath, "/staff/applications/" + id} {
			res, body := v.get(p)
			want := http.StatusNotFound
			if name == "other enterprise" && strings.HasPrefix(p, "/staff/") {
				want = http.StatusForbidden
			}
			if res.StatusCode != want || (want == http.StatusNotFound && !strings.Contains(body, "不存在")) {
				t.Errorf("%s GET %s: %d, want %d", name, p, res.StatusCode, want)
			}
		}
	}
	_, page := other.get("/account")
	if res, _ := other.postForm(path, url.Values{"csrf": {pageCSRF(t, page)}, "f.statement": {"改"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("other enterprise saves: %d", res.StatusCode)
	}
	if res, _ := other.postForm(path+"/submit", url.Values{"csrf": {pageCSRF(t, page)}, "code": {"123456"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("other enterprise submits: %d", res.StatusCode)
	}
	if _, q := far.get("/staff/applications"); strings.Contains(q, id) {
		t.Error("the far reviewer's queue lists the application")
	}
}

// checkDownload fetches a file: its bytes, as an attachment, never sniffed.
func checkDownload(t *testing.T, v *visitor, path string, want []byte) {
	t.Helper()
	res, body := v.get(path)
	cd := res.Header.Get("Content-Disposition")
	switch {
	case res.StatusCode != http.StatusOK || !bytes.Equal([]byte(body), want):
		t.Errorf("download %s: %d, %d bytes", path, res.StatusCode, len(body))
	case !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "filename*=utf-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.png"):
		t.Errorf("Content-Disposition %q", cd)
	case res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Content-Type") != "image/png":
		t.Errorf("headers %v", res.Header)
	}
}

// move posts a reviewer's move with the page's token and revision.
func move(t *testing.T, v *visitor, id string, fields url.Values, want int) {
	t.Helper()
	_, page := v.get("/staff/applications/" + id)
	fields.Set("csrf", pageCSRF(t, page))
	fields.Set("revision", revisionOf(page))
	res, body := v.postForm("/staff/applications/"+id, fields)
	if res.StatusCode != want {
		t.Fatalf("%s: %d %s, want %d", fields.Get("action"), res.StatusCode, errorText(body), want)
	}
}

// TestApplyNobody: nobody is sent to sign in and back; staff may not
// start applications.
func TestApplyNobody(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	res, _ := v.get("/applications/new?policy=p&measure=m")
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape("/applications/new?policy=p&measure=m") {
		t.Errorf("nobody: %d to %q", res.StatusCode, loc)
	}
	for _, p := range []string{"/applications", "/applications/ap_x", "/staff/applications"} {
		if res, _ := v.get(p); res.StatusCode != http.StatusSeeOther {
			t.Errorf("nobody GET %s: %d", p, res.StatusCode)
		}
	}
	ps.staff("rev", huiqi.RoleReviewer, "330000")
	ps.signInStaff(v, "rev")
	if res, _ := v.get("/applications/new?policy=p&measure=m"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer starts: %d", res.StatusCode)
	}
	ps.advance(time.Minute)
}

// apiSees reads the application through the API with a token of the user.
func apiSees(t *testing.T, ps *platformSite, userID, id string, want int) {
	t.Helper()
	token, _, err := ps.Accounts.NewToken(context.Background(), userID, "测试")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, ps.URL+"/api/v1/applications/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != want {
		t.Errorf("GET /api/v1/applications/%s as %s: %d, want %d", id, userID, res.StatusCode, want)
	}
}

// TestApplyWithoutPlatform: on the public site the 我要申报 button of a
// result leads to the page saying the service is not available.
func TestApplyWithoutPlatform(t *testing.T) {
	_, srv := serve(t)
	v := newVisitor(t, srv.URL)
	if res, _ := v.post(nanhu()); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the profile: %d", res.StatusCode)
	}
	_, results := v.get("/enterprise/results")
	m := applyLink.FindStringSubmatch(results)
	if m == nil {
		t.Fatal("the results have no 我要申报 button")
	}
	res, _ := v.get(html.UnescapeString(m[1]))
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/coming/apply?policy=") {
		t.Fatalf("我要申报 without the platform: %d to %q", res.StatusCode, loc)
	}
	if res, body := v.get(loc); res.StatusCode != http.StatusOK || !strings.Contains(body, "我要申报") {
		t.Errorf("%s: %d", loc, res.StatusCode)
	}
}
