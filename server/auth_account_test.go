package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAccountBind: an invalid 统一社会信用代码 is refused with what is wrong;
// a valid one is bound and listed.
func TestAccountBind(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	ps.signIn(v, "13800138031")
	csrf := v.csrfOf("/account")
	res, body := v.postForm("/account/enterprises", url.Values{"csrf": {csrf}, "credit_code": {"91330100716105853F"}, "name": {"甲公司"}, "region_code": {"330106"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "校验位") || !strings.Contains(body, `value="甲公司"`) {
		t.Fatalf("a wrong check character: %d %q", res.StatusCode, errorText(body))
	}
	res, _ = v.postForm("/account/enterprises", url.Values{"csrf": {csrf}, "credit_code": {" 91330100716105852f "}, "name": {"杭州甲科技有限公司"}, "region_code": {"330106"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("bind: %d", res.StatusCode)
	}
	if body := mustGet(t, v, "/account?bound=1"); !strings.Contains(body, "91330100716105852F") || !strings.Contains(body, "杭州甲科技有限公司") || !strings.Contains(body, "已绑定企业") {
		t.Error("the bound enterprise is not listed")
	}
	// Staff do not bind enterprises.
	ps.staff("officer1", "officer", "330100")
	off := newVisitor(t, ps.URL)
	ps.signInStaff(off, "officer1")
	if res, _ := off.postForm("/account/enterprises", url.Values{"csrf": {off.csrfOf("/account")}, "credit_code": {"91330100716105852F"}, "name": {"甲"}, "region_code": {"330106"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("an officer binding an enterprise: %d", res.StatusCode)
	}
}

var shownToken = regexp.MustCompile(`<code class="token">(hq_[A-Za-z0-9_-]{43})</code>`)

// TestAPIToken: a token made on the account page is shown once, calls
// /api/v1/me as the user with the bound enterprises, and once revoked is
// refused; garbage and no token are refused too, naming the Bearer scheme.
func TestAPIToken(t *testing.T) {
	ps := servePlatform(t)
	const phone = "13800138032"
	v := newVisitor(t, ps.URL)
	ps.signIn(v, phone)
	csrf := v.csrfOf("/account")
	v.postForm("/account/enterprises", url.Values{"csrf": {csrf}, "credit_code": {"91330100716105852F"}, "name": {"杭州甲科技有限公司"}, "region_code": {"330106"}})
	if res, body := v.postForm("/account/tokens", url.Values{"csrf": {csrf}, "token_name": {" "}}); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "令牌名称") {
		t.Errorf("a token without a name: %d %q", res.StatusCode, errorText(body))
	}
	res, body := v.postForm("/account/tokens", url.Values{"csrf": {csrf}, "token_name": {"财务系统"}})
	m := shownToken.FindStringSubmatch(body)
	if res.StatusCode != http.StatusOK || m == nil || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("token created: %d, shown: %v", res.StatusCode, m != nil)
	}
	token := m[1]
	if strings.Contains(mustGet(t, v, "/account"), token) {
		t.Error("the token is shown again")
	}

	status, header, me := callMe(t, ps.URL, "Bearer "+token)
	if status != http.StatusOK {
		t.Fatalf("/api/v1/me with the token: %d %s", status, me)
	}
	var got struct {
		User        map[string]any
		Enterprises []struct {
			CreditCode string `json:"credit_code"`
		}
	}
	if err := json.Unmarshal(me, &got); err != nil {
		t.Fatal(err)
	}
	if got.User["phone"] != phone || got.User["role"] != "enterprise" || len(got.Enterprises) != 1 || got.Enterprises[0].CreditCode != "91330100716105852F" {
		t.Errorf("/api/v1/me: %s", me)
	}
	if strings.Contains(string(me), "password") || header.Get("Cache-Control") != "no-store" {
		t.Errorf("/api/v1/me shows secrets or may be cached: %s", me)
	}
	if _, body := v.get("/account"); !strings.Contains(body, "财务系统") || strings.Contains(body, "从未使用") {
		t.Error("the token list does not show the token's use")
	}

	id := tokenID(t, ps, phone)
	if res, _ := v.postForm("/account/tokens/"+id+"/revoke", url.Values{"csrf": {csrf}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	for name, auth := range map[string]string{"revoked": "Bearer " + token, "garbage": "Bearer hq_garbage", "not a token": "Bearer xyz",
		"basic": "Basic dXNlcjpwYXNz", "none": ""} {
		status, header, body := callMe(t, ps.URL, auth)
		var e struct {
			Error struct{ Code, Message string }
		}
		json.Unmarshal(body, &e)
		if status != http.StatusUnauthorized || e.Error.Code != "unauthorized" || !strings.HasPrefix(header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: %d %s, WWW-Authenticate %q", name, status, body, header.Get("WWW-Authenticate"))
		}
	}
	// Another user cannot revoke it: it is not theirs.
	other := newVisitor(t, ps.URL)
	ps.signIn(other, "13800138033")
	if res, _ := other.postForm("/account/tokens/"+id+"/revoke", url.Values{"csrf": {other.csrfOf("/account")}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("revoking another user's token: %d", res.StatusCode)
	}
}

func callMe(t *testing.T, base, auth string) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/me", nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, res.Body); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, []byte(b.String())
}

func tokenID(t *testing.T, ps *platformSite, phone string) string {
	t.Helper()
	u, err := ps.Store.FindUserByPhone(t.Context(), phone)
	if err != nil {
		t.Fatal(err)
	}
	toks, err := ps.Store.ListTokens(t.Context(), u.ID)
	if err != nil || len(toks) != 1 {
		t.Fatalf("tokens of %s: %v %v", phone, toks, err)
	}
	return toks[0].ID
}
