package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestSignInWithCode: a number gets a code, a wrong code is refused with
// a message, the right one signs in under a new session cookie and goes
// on to next.
func TestSignInWithCode(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	res, body := v.get("/login?next=%2Fenterprise")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "获取验证码") || !strings.Contains(body, `name="next" value="/enterprise"`) {
		t.Fatalf("sign-in page: %d", res.StatusCode)
	}
	const phone = "13800138001"
	res, body = v.postForm("/login/code", url.Values{"phone": {"138 0013 8001"}, "next": {"/enterprise"}})
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "138****8001") || !strings.Contains(body, `name="phone" value="`+phone+`"`) {
		t.Fatalf("code sent: %d, number masked and kept: %s", res.StatusCode, errorText(body))
	}
	code := ps.code(phone)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	res, body = v.postForm("/login", url.Values{"phone": {phone}, "code": {wrong}, "next": {"/enterprise"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "验证码不正确") || v.cookie("huiqi_session") != "" {
		t.Fatalf("wrong code: %d %q", res.StatusCode, errorText(body))
	}
	res, _ = v.postForm("/login", url.Values{"phone": {phone}, "code": {code}, "next": {"/enterprise"}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/enterprise" {
		t.Fatalf("sign in: %d to %q, want 303 to /enterprise", res.StatusCode, loc)
	}
	c := sessionCookie(t, res)
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure || c.MaxAge < 11*3600 {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax, Path=/, not Secure over HTTP, about 12 h", c)
	}
	_, body = v.get("/account")
	if !strings.Contains(body, phone) || !strings.Contains(body, "企业用户") || !strings.Contains(body, `action="/logout"`) {
		t.Error("the account page does not show the signed-in user")
	}
	// The same code again is used up.
	v2 := newVisitor(t, ps.URL)
	if res, body := v2.postForm("/login", url.Values{"phone": {phone}, "code": {code}}); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "验证码已失效") {
		t.Errorf("code used twice: %d %q", res.StatusCode, errorText(body))
	}
}

func sessionCookie(t *testing.T, res *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range res.Cookies() {
		if c.Name == "huiqi_session" {
			return c
		}
	}
	t.Fatal("no session cookie set")
	return nil
}

// TestSessionCookieSecure: over TLS (here, a proxy saying so) the session
// cookie is Secure.
func TestSessionCookieSecure(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	v.postForm("/login/code", url.Values{"phone": {"13800138002"}})
	res, _ := v.postForm("/login", url.Values{"phone": {"13800138002"}, "code": {ps.code("13800138002")}}, "X-Forwarded-Proto", "https")
	if c := sessionCookie(t, res); !c.Secure || !c.HttpOnly {
		t.Errorf("cookie over TLS %+v: want Secure and HttpOnly", c)
	}
}

// TestCodeTries: five wrong codes, and the sixth try is refused even with
// the right code (429), until a new code is asked for.
func TestCodeTries(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	const phone = "13900139003"
	v.postForm("/login/code", url.Values{"phone": {phone}})
	code := ps.code(phone)
	for i := 1; i <= 5; i++ {
		wrong := strings.Repeat(string(rune('0'+i)), 6)
		if wrong == code {
			wrong = "000000"
		}
		if res, body := v.postForm("/login", url.Values{"phone": {phone}, "code": {wrong}}); res.StatusCode != http.StatusBadRequest {
			t.Fatalf("wrong try %d: %d %q", i, res.StatusCode, errorText(body))
		}
	}
	res, body := v.postForm("/login", url.Values{"phone": {phone}, "code": {code}})
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "错误次数过多") || v.cookie("huiqi_session") != "" {
		t.Fatalf("sixth try: %d %q, want 429 错误次数过多", res.StatusCode, errorText(body))
	}
	if !strings.Contains(body, "重新获取验证码") {
		t.Error("the refused page offers no new code")
	}
	ps.advance(61 * time.Second)
	ps.signIn(v, phone)
}

// TestCodeInterval: a second code within 60 s is refused with 429 and says
// when to try again; after the minute one is sent.
func TestCodeInterval(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	const phone = "13700137004"
	if res, _ := v.postForm("/login/code", url.Values{"phone": {phone}}); res.StatusCode != http.StatusOK {
		t.Fatalf("first code: %d", res.StatusCode)
	}
	ps.advance(30 * time.Second)
	res, body := v.postForm("/login/code", url.Values{"phone": {phone}})
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "秒后再试") || !strings.Contains(body, `name="code"`) {
		t.Fatalf("second code within 60 s: %d %q, want 429 with the code form", res.StatusCode, errorText(body))
	}
	if n := ps.sent(phone); n != 1 {
		t.Errorf("%d messages sent, want 1", n)
	}
	ps.advance(31 * time.Second)
	if res, _ := v.postForm("/login/code", url.Values{"phone": {phone}}); res.StatusCode != http.StatusOK || ps.sent(phone) != 2 {
		t.Errorf("code after the minute: %d, %d sent", res.StatusCode, ps.sent(phone))
	}
}

// TestBadPhone: what is not a mobile number is refused with a message.
func TestBadPhone(t *testing.T) {
	ps := servePlatform(t)
	v := newVisitor(t, ps.URL)
	res, body := v.postForm("/login/code", url.Values{"phone": {"12345"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "手机号格式不正确") || !strings.Contains(body, `value="12345"`) {
		t.Errorf("bad number: %d %q", res.StatusCode, errorText(body))
	}
}

// TestCodeBurst: 20 parallel requests for one number send exactly one code.
func TestCodeBurst(t *testing.T) {
	ps := servePlatform(t)
	const phone = "13600136005"
	visitors := make([]*visitor, 20)
	forms := make([]url.Values, 20)
	for i := range visitors {
		visitors[i] = newVisitor(t, ps.URL)
		forms[i] = url.Values{"phone": {phone}, "csrf": {visitors[i].csrfOf("/login")}}
	}
	statuses := make(chan int, 20)
	start := make(chan struct{})
	for i := range visitors {
		go func() {
			<-start
			req, _ := http.NewRequest(http.MethodPost, ps.URL+"/login/code", strings.NewReader(forms[i].Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := visitors[i].c.Do(req)
			if err != nil {
				statuses <- 0
				return
			}
			res.Body.Close()
			statuses <- res.StatusCode
		}()
	}
	close(start)
	count := map[int]int{}
	for range visitors {
		count[<-statuses]++
	}
	if count[http.StatusOK] != 1 || count[http.StatusTooManyRequests] != 19 {
		t.Errorf("statuses %v, want one 200 and nineteen 429", count)
	}
	if n := ps.sent(phone); n != 1 {
		t.Errorf("%d codes sent, want exactly 1", n)
	}
}
