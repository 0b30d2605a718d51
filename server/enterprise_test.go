package server_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// visitor is a browser without JavaScript: a cookie jar, no redirects
// followed, so each answer can be checked.
type visitor struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newVisitor(t *testing.T, base string) *visitor {
	jar, _ := cookiejar.New(nil)
	return &visitor{t, base, &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (v *visitor) do(req *http.Request) (*http.Response, string) {
	v.t.Helper()
	res, err := v.c.Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		v.t.Fatal(err)
	}
	return res, string(b)
}

func (v *visitor) get(path string) (*http.Response, string) {
	v.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, v.base+path, nil)
	return v.do(req)
}

// post submits the form with the given fields, plus the CSRF token the
// form page gave unless the fields set their own.
func (v *visitor) post(fields url.Values, header ...string) (*http.Response, string) {
	v.t.Helper()
	if _, ok := fields["csrf"]; !ok {
		fields.Set("csrf", v.csrf())
	}
	req, _ := http.NewRequest(http.MethodPost, v.base+"/enterprise", strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return v.do(req)
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (v *visitor) csrf() string {
	v.t.Helper()
	_, body := v.get("/enterprise")
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		v.t.Fatal("the form has no CSRF token")
	}
	return m[1]
}

// nanhu is a software company in 嘉兴市南湖区 with figures for three years.
func nanhu() url.Values {
	return url.Values{
		"name": {"嘉兴某某科技有限公司"}, "region_code": {"嘉兴市南湖区"}, "industry_code": {"I6513"},
		"registered_on": {"2019-03-08"}, "employees": {"120"}, "tech_staff": {"30"},
		"financials[2025].revenue_yuan": {"5200万"}, "financials[2025].rd_expense_yuan": {"3,100,000"},
		"financials[2024].revenue_yuan": {"41000000"}, "financials[2024].rd_expense_yuan": {"2500000"},
		"financials[2023].revenue_yuan": {"30000000"}, "financials[2023].rd_expense_yuan": {"2000000"},
		"ip.class1": {"3"}, "cert_rows": {"3"}, "certifications[0].name": {"高新技术企业"},
		"certifications[0].level": {"national"}, "certifications[0].since": {"2023-11-01"},
		"action": {"results"},
	}
}

func TestEnterpriseCSRF(t *testing.T) {
	_, srv := serve(t)
	cases := []struct {
		name   string
		fields url.Values
		header []string
	}{
		{"no token", url.Values{"csrf": {""}, "name": {"甲"}}, nil},
		{"wrong token", url.Values{"csrf": {strings.Repeat("A", 43)}, "name": {"甲"}}, nil},
		{"expired session, same site", url.Values{"csrf": {strings.Repeat("B", 43)}, "name": {"甲"}}, []string{"Sec-Fetch-Site", "same-origin"}},
		{"token of the form, from another site", url.Values{"name": {"甲"}}, []string{"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := newVisitor(t, srv.URL)
			res, body := v.post(c.fields, c.header...)
			if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "表单已失效") {
				t.Fatalf("status %d, want 403 with a Chinese message", res.StatusCode)
			}
			// Refused on this site's page, what was typed comes back unsaved;
			// refused from another site, nothing of it is shown.
			echoed := strings.Contains(body, `value="甲"`)
			if sameSite := c.header == nil || c.header[1] == "same-origin"; echoed != sameSite {
				t.Errorf("typed value shown again: %v", echoed)
			}
			for _, ck := range res.Cookies() {
				if ck.Name == "huiqi_draft" {
					t.Error("a refused post gave a draft token")
				}
			}
			if _, body := v.get("/enterprise"); strings.Contains(body, "已保存") {
				t.Error("a refused post was saved")
			}
		})
	}
}

func TestEnterpriseCookies(t *testing.T) {
	_, srv := serve(t)
	for _, tls := range []bool{false, true} {
		v := newVisitor(t, srv.URL)
		var header []string
		if tls {
			header = []string{"X-Forwarded-Proto", "https"}
		}
		res, _ := v.post(url.Values{"name": {"甲"}, "action": {"draft"}}, header...)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		var draft *http.Cookie
		for _, c := range res.Cookies() {
			if c.Name == "huiqi_draft" {
				draft = c
			}
		}
		if draft == nil || len(draft.Value) != 43 || !draft.HttpOnly || draft.SameSite != http.SameSiteLaxMode || draft.Secure != tls || draft.Path != "/" {
			t.Errorf("over TLS %v: draft cookie %+v", tls, draft)
		}
	}
}

func TestEnterpriseDelete(t *testing.T) {
	f, srv := serve(t)
	v := newVisitor(t, srv.URL)
	v.post(nanhu())
	u, _ := url.Parse(srv.URL)
	var key string
	for _, c := range v.c.Jar.Cookies(u) {
		if c.Name == "huiqi_draft" {
			key = "draft:" + c.Value
		}
	}
	profiles := f.Store.(huiqi.ProfileStore)
	if _, err := profiles.FindProfile(t.Context(), key); err != nil {
		t.Fatalf("saved profile %q: %v", key, err)
	}
	if _, body := v.get("/enterprise/results"); !strings.Contains(body, "预计可获得资金") {
		t.Fatal("no results after saving")
	}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/enterprise/delete", strings.NewReader(url.Values{"csrf": {""}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res, _ := v.do(req); res.StatusCode != http.StatusForbidden {
		t.Errorf("delete without the CSRF token: %d, want 403", res.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/enterprise/delete", strings.NewReader(url.Values{"csrf": {v.csrf()}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, _ := v.do(req)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/enterprise?deleted=1" {
		t.Fatalf("delete: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if _, body := v.get("/enterprise?deleted=1"); !strings.Contains(body, "已删除") || strings.Contains(body, "第 1 版") {
		t.Error("the form after deleting does not say so, or still shows the profile")
	}
	if _, body := v.get("/enterprise/results"); !strings.Contains(body, "还没有填写企业信息") {
		t.Error("results still shown after deleting")
	}
	if _, err := profiles.FindProfile(t.Context(), key); huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
		t.Errorf("after deleting, the store still answers %v", err)
	}
}
