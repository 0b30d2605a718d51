package account

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func testSignInWithPassword(t *testing.T, f *fixture) {
	u := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	in, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "198.51.100.2", "Edge")
	if err != nil {
		t.Fatal(err)
	}
	if in.User.ID != u.ID || in.User.PasswordHash == "" {
		t.Errorf("signed in as %+v", in.User)
	}
	wrong, err1 := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse batterY", "", "")
	unknown, err2 := f.svc.SignInWithPassword(f.ctx, "zhang.san", "correct horse battery", "", "")
	if wrong != nil || unknown != nil {
		t.Fatal("signed in with a wrong password or an unknown name")
	}
	wantCode(t, "wrong password", err1, huiqi.EUNAUTHORIZED)
	wantCode(t, "unknown user", err2, huiqi.EUNAUTHORIZED)
	if _, err := CheckPassword(f.svc.dummy, "x"); err != nil {
		t.Errorf("the hash checked for unknown users is malformed, so they answer faster: %v", err)
	}
	if err1.Error() != err2.Error() {
		t.Errorf("a wrong password (%q) and an unknown user (%q) answer differently", err1, err2)
	}
	_, err = f.svc.SignInWithPassword(f.ctx, "", "correct horse battery", "", "")
	wantCode(t, "no username", err, huiqi.EINVALID)
	// A staff member's phone does not sign in by SMS.
	staffPhone, _ := NewStaff("li.si", "李四", huiqi.RoleReviewer, []string{"510105"}, "13312345678", "correct horse battery")
	if err := CreateStaff(f.ctx, f.db, "system", staffPhone, f.clock()); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.SignInWithCode(f.ctx, "13312345678", f.code("13312345678"), "", "")
	wantCode(t, "staff by SMS", err, huiqi.EFORBIDDEN)
}

func testPasswordFailureLimit(t *testing.T, f *fixture) {
	f.staff("wang.li", huiqi.RoleReviewer, "510105")
	for i := range 10 {
		f.advance(time.Minute)
		_, err := f.svc.SignInWithPassword(f.ctx, "wang.li", fmt.Sprintf("wrong password %d", i), "", "")
		wantCode(t, fmt.Sprintf("failure %d", i+1), err, huiqi.EUNAUTHORIZED)
	}
	_, err := f.svc.SignInWithPassword(f.ctx, "Wang.Li", "correct horse battery", "", "")
	wantCode(t, "the right password after ten failures", err, huiqi.ELIMITED)
	if !strings.Contains(err.Error(), "6 分钟后再试") { // the first failure (09:01) leaves the window at 09:16
		t.Errorf("message %q", err)
	}
	f.advance(6 * time.Minute)
	if _, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", ""); err != nil {
		t.Errorf("once the first failure left the window: %v", err)
	}
	// Unknown names are limited too, so they cannot be told from known ones.
	for range 10 {
		f.svc.SignInWithPassword(f.ctx, "nobody", "whatever it is", "", "")
	}
	_, err = f.svc.SignInWithPassword(f.ctx, "nobody", "whatever it is", "", "")
	wantCode(t, "unknown name after ten failures", err, huiqi.ELIMITED)
}

func testDisabledUser(t *testing.T, f *fixture) {
	u := f.staff("wang.li", huiqi.RoleAdmin)
	in, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", "")
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := f.svc.NewToken(f.ctx, u.ID, "报表")
	if err != nil {
		t.Fatal(err)
	}
	n, err := SetDisabled(f.ctx, f.db, "system", u, true, f.clock())
	if err != nil || n != 1 {
		t.Fatalf("SetDisabled: %d sessions, %v", n, err)
	}
	_, _, err = f.svc.Session(f.ctx, in.Token)
	wantCode(t, "session of a disabled user", err, huiqi.EUNAUTHORIZED)
	_, err = f.svc.TokenUser(f.ctx, token)
	wantCode(t, "token of a disabled user", err, huiqi.EUNAUTHORIZED)
	_, err = f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", "")
	wantCode(t, "disabled sign-in", err, huiqi.EFORBIDDEN)
	_, err = f.svc.SignInWithPassword(f.ctx, "wang.li", "not the password", "", "")
	wantCode(t, "disabled, wrong password", err, huiqi.EUNAUTHORIZED) // disabled is told only to who knows the password

	if _, err := SetDisabled(f.ctx, f.db, "system", u, false, f.clock()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.TokenUser(f.ctx, token); err != nil {
		t.Errorf("token after enabling: %v", err)
	}
}

func testSetPassword(t *testing.T, f *fixture) {
	u := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	in, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", "")
	if err != nil {
		t.Fatal(err)
	}
	n, err := SetPassword(f.ctx, f.db, "system", u, "a brand new password", f.clock())
	if err != nil || n != 1 {
		t.Fatalf("SetPassword: %d sessions, %v", n, err)
	}
	_, _, err = f.svc.Session(f.ctx, in.Token)
	wantCode(t, "session from before", err, huiqi.EUNAUTHORIZED)
	_, err = f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", "")
	wantCode(t, "old password", err, huiqi.EUNAUTHORIZED)
	if _, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "a brand new password", "", ""); err != nil {
		t.Errorf("new password: %v", err)
	}
	_, err = SetPassword(f.ctx, f.db, "system", u, "short", f.clock())
	wantCode(t, "short password", err, huiqi.EINVALID)
	e, err := f.svc.SignInWithCode(f.ctx, "13812345678", f.code("13812345678"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = SetPassword(f.ctx, f.db, "system", e.User, "a brand new password", f.clock())
	wantCode(t, "enterprise user", err, huiqi.EINVALID)
}
