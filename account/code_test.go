package account

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

var regexpCode = regexp.MustCompile(`[0-9]{6}`)

func testSignInWithCode(t *testing.T, f *fixture) {
	code := f.code("13812345678")
	in, err := f.svc.SignInWithCode(f.ctx, "138 1234 5678", code, "203.0.113.7", "Firefox")
	if err != nil {
		t.Fatal(err)
	}
	if in.User.Role != huiqi.RoleEnterprise || in.User.Phone != "13812345678" || !strings.HasPrefix(in.User.ID, "u_") {
		t.Errorf("user %+v", in.User)
	}
	if len(in.Token) != 43 || strings.Trim(in.Token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
		t.Errorf("token %q is not 32 bytes in base64url", in.Token)
	}
	if in.Session.IDHash == in.Token || len(in.Session.IDHash) != 64 {
		t.Errorf("session hash %q", in.Session.IDHash)
	}
	if !in.Session.ExpiresAt.Equal(f.clock().Add(12 * time.Hour)) {
		t.Errorf("session expires %v", in.Session.ExpiresAt)
	}
	u, sess, err := f.svc.Session(f.ctx, in.Token)
	if err != nil || u.ID != in.User.ID || sess.UserAgent != "Firefox" {
		t.Fatalf("Session: %+v %+v %v", u, sess, err)
	}

	// A used code does not sign in again.
	_, err = f.svc.SignInWithCode(f.ctx, "13812345678", code, "203.0.113.7", "Firefox")
	wantCode(t, "used code", err, huiqi.EUNAUTHORIZED)

	// The next sign-in finds the same user and starts a new session.
	f.advance(time.Minute)
	again, err := f.svc.SignInWithCode(f.ctx, "13812345678", f.code("13812345678"), "203.0.113.7", "Firefox")
	if err != nil {
		t.Fatal(err)
	}
	if again.User.ID != in.User.ID || again.Token == in.Token || again.Session.IDHash == in.Session.IDHash {
		t.Errorf("second sign-in: user %s (want %s), token new %v", again.User.ID, in.User.ID, again.Token != in.Token)
	}
	users, _ := f.db.ListUsers(f.ctx, huiqi.RoleEnterprise)
	if len(users) != 1 {
		t.Errorf("%d enterprise users after two sign-ins", len(users))
	}
}

func testCodeTries(t *testing.T, f *fixture) {
	code := f.code("13912345678")
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	for i := range 5 {
		_, err := f.svc.SignInWithCode(f.ctx, "13912345678", wrong, "203.0.113.7", "")
		wantCode(t, fmt.Sprintf("wrong try %d", i+1), err, huiqi.EUNAUTHORIZED)
	}
	_, err := f.svc.SignInWithCode(f.ctx, "13912345678", code, "203.0.113.7", "")
	wantCode(t, "the right code after five wrong tries", err, huiqi.ELIMITED)
}

func testCodeExpires(t *testing.T, f *fixture) {
	code := f.code("13712345678")
	f.advance(5*time.Minute + time.Second)
	_, err := f.svc.SignInWithCode(f.ctx, "13712345678", code, "", "")
	wantCode(t, "expired code", err, huiqi.EUNAUTHORIZED)
	if !strings.Contains(err.Error(), "已失效") {
		t.Errorf("message %q", err)
	}
}

func testCodePurposeAndNumber(t *testing.T, f *fixture) {
	if err := f.svc.RequestCode(f.ctx, "13612345678", huiqi.CodeSubmit, "203.0.113.7"); err != nil {
		t.Fatal(err)
	}
	msgs, _ := f.db.Outbox(f.ctx, 1)
	code := regexpCode.FindString(msgs[0].Text)
	if !strings.Contains(msgs[0].Text, "提交申报") || code == "" {
		t.Fatalf("submit message %q", msgs[0].Text)
	}
	_, err := f.svc.SignInWithCode(f.ctx, "13612345678", code, "", "")
	wantCode(t, "a submit code signing in", err, huiqi.EUNAUTHORIZED)
	if err := f.svc.VerifyCode(f.ctx, "13612345679", huiqi.CodeSubmit, code); err == nil {
		t.Error("the code fits another number")
	}
	if err := f.svc.VerifyCode(f.ctx, "13612345678", huiqi.CodeSubmit, code); err != nil {
		t.Errorf("VerifyCode: %v", err)
	}
	wantCode(t, "bad purpose", f.svc.RequestCode(f.ctx, "13612345678", "reset", ""), huiqi.EINVALID)
	wantCode(t, "letters", f.svc.VerifyCode(f.ctx, "13612345678", huiqi.CodeSubmit, "12a456"), huiqi.EINVALID)
}

func testRequestCodeLimits(t *testing.T, f *fixture) {
	f.code("13512345678")
	err := f.svc.RequestCode(f.ctx, "13512345678", huiqi.CodeSignIn, "203.0.113.7")
	wantCode(t, "second code within a minute", err, huiqi.ELIMITED)
	f.advance(61 * time.Second)
	f.code("13512345678")

	err = f.svc.RequestCode(f.ctx, "12812345678", huiqi.CodeSignIn, "203.0.113.7")
	wantCode(t, "bad number", err, huiqi.EINVALID)
	if huiqi.ErrorMessage(err) != "手机号格式不正确" {
		t.Errorf("message %q", huiqi.ErrorMessage(err))
	}
	msgs, _ := f.db.Outbox(f.ctx, 10)
	if len(msgs) != 2 {
		t.Errorf("%d messages sent, want 2", len(msgs))
	}
}

// First sign-ins of one number in parallel create one user.
func testCreateEnterpriseUserParallel(t *testing.T, f *fixture) {
	ids := make(chan string, 5)
	for range 5 {
		go func() {
			u, err := f.svc.createEnterpriseUser(f.ctx, "13412345678", "")
			if err != nil {
				ids <- err.Error()
				return
			}
			ids <- u.ID
		}()
	}
	first := <-ids
	for range 4 {
		if id := <-ids; id != first {
			t.Errorf("user %s, and %s", first, id)
		}
	}
	users, err := f.db.ListUsers(f.ctx, huiqi.RoleEnterprise)
	if err != nil || len(users) != 1 {
		t.Errorf("%d users, %v", len(users), err)
	}
}
