package main

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/internal/sitetest"
	"github.com/huiqi-dev/huiqi/sms"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// served is a huiqi serve started by startServe.
type served struct {
	base           string
	stdout, stderr *sitetest.Buffer
}

// startServe runs huiqi serve with args on a free port until the test ends,
// then checks it stopped cleanly.
func startServe(t *testing.T, args ...string) served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := served{stdout: &sitetest.Buffer{}, stderr: &sitetest.Buffer{}}
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), s.stdout, s.stderr)
	}()
	s.base = waitForURL(t, s.stdout, s.stderr, done)
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("serve exited %d:\n%s", code, s.stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop after its context was cancelled")
		}
	})
	return s
}

// status returns the status of GET url without following redirects.
func status(t *testing.T, url string) int {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func wantLines(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("start-up lines lack %q:\n%s", w, out)
		}
	}
}

// TestServePlatformDemo: serve --demo on a fresh machine runs the platform
// with the development SMS sender and tells how to add an administrator.
func TestServePlatformDemo(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "data")
	s := startServe(t, "--demo", "--data", data)
	if got := status(t, s.base+"login"); got != http.StatusOK {
		t.Errorf("GET /login: %d, want 200", got)
	}
	if got := status(t, s.base+"admin/outbox"); got != http.StatusSeeOther && got != http.StatusFound {
		t.Errorf("GET /admin/outbox signed out: %d, want a redirect to sign in", got)
	}
	wantLines(t, s.stdout.String(), smsDevLine, platformLine,
		"尚无管理员：运行 huiqi user add --role admin --username admin --name 管理员 --data "+data)
	if strings.Contains(s.stdout.String(), "咨询：大模型") {
		t.Errorf("the LLM is on by default:\n%s", s.stdout.String())
	}
	requestCode(t, s.base, "13912345678")
	logged := loggedCode.FindStringSubmatch(s.stderr.String())
	msgs := outbox(t, data)
	if logged == nil || len(msgs) != 1 || msgs[0].Phone != "13912345678" || sms.Code(msgs[0].Text) != logged[1] {
		t.Errorf("the outbox holds %+v; the log shows %q:\n%s", msgs, logged, s.stderr.String())
	}
}

// loggedCode finds a code in the development sender's log line.
var loggedCode = regexp.MustCompile(`sms kept in outbox.*验证码为 ([0-9]{6})`)

// outbox reads the development outbox of the store in data.
func outbox(t *testing.T, data string) []huiqi.OutboxMessage {
	t.Helper()
	st, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	msgs, err := st.Outbox(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// requestCode asks for a sign-in code at /login as a browser would.
func requestCode(t *testing.T, base, phone string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	res, err := c.Get(base + "login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	u, _ := url.Parse(base)
	form := url.Values{"phone": {phone}}
	for _, k := range jar.Cookies(u) {
		if k.Name == "huiqi_csrf" {
			form.Set("csrf", k.Value)
		}
	}
	res, err = c.PostForm(base+"login/code", form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("POST /login/code: %d", res.StatusCode)
	}
}

// TestServePlatformAdmin: with an administrator there is no hint, and the
// LLM named by --llm-url is announced without its key.
func TestServePlatformAdmin(t *testing.T) {
	t.Setenv("HUIQI_LLM_KEY", "sk-very-secret-key")
	t.Setenv("HUIQI_LLM_MODEL", "qwen-test")
	data := t.TempDir()
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "管理员", "--role", "admin")
	s := startServe(t, "--data", data, "--llm-url", "http://user:pw@127.0.0.1:9/v1?key=k")
	if got := status(t, s.base+"login"); got != http.StatusOK {
		t.Errorf("GET /login: %d, want 200", got)
	}
	out := s.stdout.String()
	wantLines(t, out, platformLine, smsDevLine, "咨询：大模型在引用条文内组织回答（http://127.0.0.1:9/v1，模型 qwen-test）")
	for _, secret := range []string{"尚无管理员", "sk-very-secret-key", "pw@", "key=k"} {
		if strings.Contains(out+s.stderr.String(), secret) {
			t.Errorf("output shows %q:\n%s", secret, out)
		}
	}
}

// TestServePlatformGateway: with HUIQI_SMS_URL the gateway is named (host
// and path only) and the development line is absent.
func TestServePlatformGateway(t *testing.T) {
	t.Setenv("HUIQI_SMS_URL", "https://sms.example.com/send?key=s3cret")
	t.Setenv("HUIQI_SECRET", strings.Repeat("ab", 32))
	data := t.TempDir()
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "管理员", "--role", "admin")
	s := startServe(t, "--data", data)
	out := s.stdout.String()
	wantLines(t, out, "短信：经网关 https://sms.example.com/send 发送", platformLine)
	if strings.Contains(out, smsDevLine) || strings.Contains(out, "s3cret") {
		t.Errorf("start-up lines:\n%s", out)
	}
	if got := status(t, s.base+"login"); got != http.StatusOK {
		t.Errorf("GET /login: %d, want 200", got)
	}
}

// TestServePlatformOff: --platform=false serves the public site only.
func TestServePlatformOff(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "管理员", "--role", "admin")
	s := startServe(t, "--data", data, "--platform=false")
	if got := status(t, s.base+"login"); got != http.StatusNotFound {
		t.Errorf("GET /login with the platform off: %d, want 404", got)
	}
	wantLines(t, s.stdout.String(), "平台：未开启")
}

// TestServePlatformPostgres: in server mode the platform runs over
// PostgreSQL, and without HUIQI_SECRET serve says the code key is this
// process's own.
func TestServePlatformPostgres(t *testing.T) {
	t.Parallel()
	s := startServe(t, "--demo", "--db", pgtest.NewDatabase(t))
	if got := status(t, s.base+"login"); got != http.StatusOK {
		t.Errorf("GET /login: %d, want 200", got)
	}
	wantLines(t, s.stdout.String(), platformLine, smsDevLine, "未设置 HUIQI_SECRET", "尚无管理员：运行 huiqi user add --role admin")
}

// TestServePlatformConfig: configurations that cannot work stop serve
// before it listens, naming the variable but never the secret.
func TestServePlatformConfig(t *testing.T) {
	data := t.TempDir()
	runIn(t, "correct horse battery\n", exitOK, "user", "add", "--data", data, "--username", "admin", "--name", "管理员", "--role", "admin")
	cases := []struct{ name, key, value, want string }{
		{"short secret", "HUIQI_SECRET", "abcdef0123", "HUIQI_SECRET must be at least 64 hex digits"},
		{"secret not hex", "HUIQI_SECRET", strings.Repeat("zz", 40), "HUIQI_SECRET must be at least 64 hex digits"},
		{"sms url", "HUIQI_SMS_URL", "ftp://gw/send", "HUIQI_SMS_URL must be an http:// or https:// address"},
		{"sms timeout", "HUIQI_SMS_TIMEOUT", "soon", "HUIQI_SMS_TIMEOUT"},
		{"llm url", "HUIQI_LLM_URL", "localhost:8000", "HUIQI_LLM_URL (--llm-url) must be an http:// or https:// address"},
		{"llm timeout", "HUIQI_LLM_TIMEOUT", "-3s", "HUIQI_LLM_TIMEOUT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(c.key, c.value)
			if c.key == "HUIQI_SMS_TIMEOUT" {
				t.Setenv("HUIQI_SMS_URL", "https://gw.example/send")
			}
			r := runIn(t, "", exitFail, "serve", "--data", data, "--addr", "127.0.0.1:0")
			if !strings.Contains(r.stderr, c.want) || strings.Contains(r.stdout, "serving the portal") {
				t.Errorf("stderr %q, want %q", r.stderr, c.want)
			}
			if c.key == "HUIQI_SECRET" && strings.Contains(r.stderr, c.value) {
				t.Errorf("the secret is shown: %q", r.stderr)
			}
		})
	}
}
