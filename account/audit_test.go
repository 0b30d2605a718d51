package account

import (
	"reflect"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// Every sign-in, failure, sign-out and token creation is in the audit
// log, which never holds a code, a password or a token.
func testAuditEntries(t *testing.T, f *fixture) {
	u := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	code := f.code("13812345678")
	in, err := f.svc.SignInWithCode(f.ctx, "13812345678", code, "203.0.113.7", "Firefox")
	if err != nil {
		t.Fatal(err)
	}
	f.svc.SignInWithPassword(f.ctx, "wang.li", "a wrong password", "198.51.100.2", "")
	staff, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "198.51.100.2", "")
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := f.svc.NewToken(f.ctx, u.ID, "对接")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SignOut(f.ctx, staff.Token); err != nil {
		t.Fatal(err)
	}
	e := in.User.ID
	want := []string{
		"user.create user:" + u.ID,
		"user.create user:" + e,
		"account.sign_in user:" + e,
		"account.sign_in_failed user:" + u.ID,
		"account.sign_in user:" + u.ID,
		"token.create user:" + u.ID,
		"account.sign_out user:" + u.ID,
	}
	if got := f.actions(); !reflect.DeepEqual(got, want) {
		t.Errorf("audit log\n got %q\nwant %q", got, want)
	}
	for _, entry := range f.audit() {
		all := entry.Object + " " + entry.Detail
		for _, secret := range []string{code, "correct horse battery", "a wrong password", token, token[3:], in.Token, staff.Token, "13812345678"} {
			if strings.Contains(all, secret) {
				t.Errorf("entry %d (%s) holds %q: %s", entry.Seq, entry.Action, secret, all)
			}
		}
	}
}
