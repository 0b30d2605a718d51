package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// codeAt is a sign-in code for phone from ip, issued at at, live for five
// minutes.
func codeAt(phone, ip, hash string, at time.Time) *huiqi.SMSCode {
	return &huiqi.SMSCode{Phone: phone, Purpose: huiqi.CodeSignIn, Hash: hash, IP: ip, CreatedAt: at, ExpiresAt: at.Add(5 * time.Minute)}
}

// issue issues a code and wants it stored, or refused with a message
// containing limited.
func issue(t *testing.T, s huiqi.AccountStore, c *huiqi.SMSCode, lim huiqi.CodeLimits, limited string) {
	t.Helper()
	err := s.IssueCode(context.Background(), c, lim)
	switch {
	case limited == "" && err != nil:
		t.Fatalf("IssueCode(%s at %s): %v", c.Phone, c.CreatedAt.Format(time.TimeOnly), err)
	case limited != "" && (huiqi.ErrorCode(err) != huiqi.ELIMITED || !strings.Contains(huiqi.ErrorMessage(err), limited)):
		t.Fatalf("IssueCode(%s at %s) = %v, want ELIMITED saying %q", c.Phone, c.CreatedAt.Format(time.TimeOnly), err, limited)
	}
}

func check(t *testing.T, s huiqi.AccountStore, phone, purpose, hash string, at time.Time, want bool, code string) {
	t.Helper()
	ok, err := s.CheckCode(context.Background(), phone, purpose, hash, 3, at)
	if ok != want || huiqi.ErrorCode(err) != code {
		t.Fatalf("CheckCode(%s, %s, %s) = %v, %v; want %v, code %q", phone, purpose, hash, ok, err, want, code)
	}
}

var interval = huiqi.CodeLimits{PhoneInterval: time.Minute}

func testCodeInterval(t *testing.T, s Accounts) {
	issue(t, s, codeAt("13800138000", "203.0.113.7", "h1", t0), interval, "")
	issue(t, s, codeAt("13800138000", "203.0.113.7", "h2", t0.Add(18*time.Second)), interval, "验证码发送过于频繁，请 42 秒后再试")
	issue(t, s, codeAt("13800138000", "203.0.113.7", "h2", t0.Add(59500*time.Millisecond)), interval, "请 1 秒后再试")
	issue(t, s, codeAt("13800138001", "203.0.113.7", "h3", t0.Add(time.Second)), interval, "") // another number
	sub := codeAt("13800138000", "203.0.113.7", "h4", t0.Add(30*time.Second))
	sub.Purpose = huiqi.CodeSubmit // the interval is the number's, whatever the purpose
	issue(t, s, sub, interval, "请 30 秒后再试")
	issue(t, s, codeAt("13800138000", "203.0.113.7", "h5", t0.Add(time.Minute)), interval, "")
	issue(t, s, codeAt("13800138000", "203.0.113.7", "h6", t0.Add(time.Minute)), huiqi.CodeLimits{}, "") // no limits
}

func testCodePerDay(t *testing.T, s Accounts) {
	lim := huiqi.CodeLimits{PhoneInterval: time.Minute, PhoneDay: 3}
	for i := range 3 {
		issue(t, s, codeAt("13800138000", "", fmt.Sprint("h", i), t0.Add(time.Duration(i)*time.Minute)), lim, "")
	}
	issue(t, s, codeAt("13800138000", "", "h3", t0.Add(3*time.Minute)), lim, "该手机号今日验证码次数已达上限（3 次），请 24 小时后再试")
	issue(t, s, codeAt("13800138000", "", "h3", t0.Add(23*time.Hour+59*time.Minute+30*time.Second)), lim, "请 30 秒后再试")
	issue(t, s, codeAt("13800138001", "", "h4", t0.Add(3*time.Minute)), lim, "")            // another number
	issue(t, s, codeAt("13800138000", "", "h5", t0.Add(24*time.Hour+time.Second)), lim, "") // the first fell out
}

func testCodePerIP(t *testing.T, s Accounts) {
	const ip = "203.0.113.7"
	lim := huiqi.CodeLimits{PhoneInterval: time.Minute, PhoneDay: 10, IPHour: 3, IPDay: 5}
	phone := func(i int) string { return fmt.Sprintf("138001380%02d", i) }
	for i := range 3 {
		issue(t, s, codeAt(phone(i), ip, "h", t0.Add(time.Duration(i)*time.Second)), lim, "")
	}
	issue(t, s, codeAt(phone(3), ip, "h", t0.Add(3*time.Second)), lim, "该网络地址请求验证码过多（每小时 3 次），请 60 分钟后再试")
	issue(t, s, codeAt(phone(3), "198.51.100.1", "h", t0.Add(4*time.Second)), lim, "") // another address
	issue(t, s, codeAt(phone(4), "", "h", t0.Add(5*time.Second)), lim, "")             // no address known
	later := t0.Add(61 * time.Minute)
	issue(t, s, codeAt(phone(5), ip, "h", later), lim, "")
	issue(t, s, codeAt(phone(6), ip, "h", later.Add(time.Second)), lim, "")
	issue(t, s, codeAt(phone(7), ip, "h", later.Add(2*time.Second)), lim, "该网络地址今日请求验证码过多（5 次），请 23 小时后再试")
}

// testCodeReplace: a new code for a number and purpose replaces the older
// one; a code for the other purpose lives on.
func testCodeReplace(t *testing.T, s Accounts) {
	const p = "13800138000"
	issue(t, s, codeAt(p, "", "old", t0), interval, "")
	issue(t, s, codeAt(p, "", "new", t0.Add(time.Minute)), interval, "")
	check(t, s, p, huiqi.CodeSignIn, "old", t0.Add(90*time.Second), false, "")
	sub := codeAt(p, "", "sub", t0.Add(2*time.Minute))
	sub.Purpose = huiqi.CodeSubmit
	issue(t, s, sub, interval, "")
	check(t, s, p, huiqi.CodeSignIn, "new", t0.Add(150*time.Second), true, "")
	check(t, s, p, huiqi.CodeSignIn, "new", t0.Add(151*time.Second), false, huiqi.ENOTFOUND) // used up
	check(t, s, p, huiqi.CodeSubmit, "sub", t0.Add(152*time.Second), true, "")
}

func testCodeExpiry(t *testing.T, s Accounts) {
	const p = "13800138000"
	issue(t, s, codeAt(p, "", "h", t0), interval, "")
	check(t, s, p, huiqi.CodeSignIn, "h", t0.Add(5*time.Minute), false, huiqi.ENOTFOUND)
	check(t, s, p, huiqi.CodeSignIn, "h", t0.Add(10*time.Minute), false, huiqi.ENOTFOUND)
	check(t, s, p, huiqi.CodeSignIn, "h", t0.Add(5*time.Minute-time.Millisecond), true, "")
}

func testCodeTries(t *testing.T, s Accounts) {
	issue(t, s, codeAt("13800138000", "", "right", t0), interval, "")
	for range 3 {
		check(t, s, "13800138000", huiqi.CodeSignIn, "wrong", t0.Add(time.Second), false, "")
	}
	check(t, s, "13800138000", huiqi.CodeSignIn, "right", t0.Add(2*time.Second), false, huiqi.ELIMITED)
	_, err := s.CheckCode(context.Background(), "13800138000", huiqi.CodeSignIn, "right", 3, t0.Add(3*time.Second))
	if msg := huiqi.ErrorMessage(err); msg != "验证码错误次数过多，请重新获取" {
		t.Errorf("message %q", msg)
	}
	issue(t, s, codeAt("13800138001", "", "right", t0), interval, "")
	check(t, s, "13800138001", huiqi.CodeSignIn, "wrong", t0.Add(time.Second), false, "")
	check(t, s, "13800138001", huiqi.CodeSignIn, "wrong", t0.Add(time.Second), false, "")
	check(t, s, "13800138001", huiqi.CodeSignIn, "right", t0.Add(time.Second), true, "") // the last try
	issue(t, s, codeAt("13800138000", "", "fresh", t0.Add(time.Minute)), interval, "")   // a new code, new tries
	check(t, s, "13800138000", huiqi.CodeSignIn, "fresh", t0.Add(61*time.Second), true, "")
}

func testCodeInvalid(t *testing.T, s Accounts) {
	ctx := context.Background()
	for what, c := range map[string]*huiqi.SMSCode{
		"nil":             nil,
		"no hash":         codeAt("13800138000", "", "", t0),
		"no phone":        codeAt("", "", "h", t0),
		"no purpose":      {Phone: "13800138000", Hash: "h", CreatedAt: t0, ExpiresAt: t0.Add(time.Minute)},
		"expired at once": {Phone: "13800138000", Purpose: huiqi.CodeSignIn, Hash: "h", CreatedAt: t0, ExpiresAt: t0},
	} {
		wantCode(t, "IssueCode("+what+")", s.IssueCode(ctx, c, interval), huiqi.EINVALID)
	}
	_, err := s.CheckCode(ctx, "13800138000", huiqi.CodeSignIn, "h", 0, t0)
	wantCode(t, "CheckCode with 0 tries", err, huiqi.EINVALID)
	check(t, s, "13800138000", huiqi.CodeSignIn, "h", t0, false, huiqi.ENOTFOUND)
}
