package account

import (
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func testSessionLifetime(t *testing.T, f *fixture) {
	f.staff("wang.li", huiqi.RoleOfficer, "510100")
	in, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", "")
	if err != nil {
		t.Fatal(err)
	}
	f.advance(12*time.Hour - time.Second)
	if _, _, err := f.svc.Session(f.ctx, in.Token); err != nil {
		t.Fatalf("a second before the end: %v", err)
	}
	f.advance(time.Second)
	_, _, err = f.svc.Session(f.ctx, in.Token)
	wantCode(t, "after 12 hours", err, huiqi.EUNAUTHORIZED)
	for _, bad := range []string{"", "x", in.Session.IDHash, strings.Repeat("a", 200)} {
		_, _, err = f.svc.Session(f.ctx, bad)
		wantCode(t, "token "+bad, err, huiqi.EUNAUTHORIZED)
	}
}

func testSignOut(t *testing.T, f *fixture) {
	u := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	var tokens []string
	for range 3 {
		in, err := f.svc.SignInWithPassword(f.ctx, "wang.li", "correct horse battery", "", "")
		if err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, in.Token)
	}
	if err := f.svc.SignOut(f.ctx, tokens[0]); err != nil {
		t.Fatal(err)
	}
	_, _, err := f.svc.Session(f.ctx, tokens[0])
	wantCode(t, "signed out", err, huiqi.EUNAUTHORIZED)
	if err := f.svc.SignOut(f.ctx, tokens[0]); err != nil {
		t.Errorf("signing out twice: %v", err)
	}
	if _, _, err := f.svc.Session(f.ctx, tokens[1]); err != nil {
		t.Errorf("another session ended too: %v", err)
	}
	n, err := f.svc.SignOutEverywhere(f.ctx, u.ID, u.ID)
	if err != nil || n != 2 {
		t.Errorf("SignOutEverywhere: %d, %v", n, err)
	}
	for _, tok := range tokens[1:] {
		_, _, err := f.svc.Session(f.ctx, tok)
		wantCode(t, "signed out everywhere", err, huiqi.EUNAUTHORIZED)
	}
}

func testTokens(t *testing.T, f *fixture) {
	u := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	token, rec, err := f.svc.NewToken(f.ctx, u.ID, " 数据对接 ")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(token, "hq_") || len(token) != 46 || rec.Name != "数据对接" || rec.Hash == "" || strings.Contains(rec.Hash, token[3:]) {
		t.Errorf("token %q, record %+v", token, rec)
	}
	got, err := f.svc.TokenUser(f.ctx, token)
	if err != nil || got.ID != u.ID {
		t.Fatalf("TokenUser: %v, %v", got, err)
	}
	for _, bad := range []string{"", token[3:], token + "x", "hq_" + strings.Repeat("A", 43)} {
		_, err := f.svc.TokenUser(f.ctx, bad)
		wantCode(t, "token "+bad, err, huiqi.EUNAUTHORIZED)
	}
	if err := f.db.RevokeToken(f.ctx, u.ID, rec.ID, &huiqi.AuditEntry{At: f.clock(), Actor: u.ID, Action: "token.revoke"}); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.TokenUser(f.ctx, token)
	wantCode(t, "revoked token", err, huiqi.EUNAUTHORIZED)
	_, _, err = f.svc.NewToken(f.ctx, u.ID, "")
	wantCode(t, "unnamed token", err, huiqi.EINVALID)
	_, _, err = f.svc.NewToken(f.ctx, "u_nobody", "x")
	wantCode(t, "token of nobody", err, huiqi.ENOTFOUND)
}

func testActsFor(t *testing.T, f *fixture) {
	in, err := f.svc.SignInWithCode(f.ctx, "13812345678", f.code("13812345678"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: in.User.ID, CreditCode: "91510100MA61R5XN3K", Name: "成都某科技有限公司"}
	if err := f.db.BindEnterprise(f.ctx, b, &huiqi.AuditEntry{At: f.clock(), Actor: in.User.ID, Action: "enterprise.bind"}); err != nil {
		t.Fatal(err)
	}
	if got, err := f.svc.ActsFor(f.ctx, in.User, "91510100MA61R5XN3K"); err != nil || got {
		t.Errorf("ActsFor of an unverified claim = %v, %v", got, err)
	}
	if err := f.db.VerifyBinding(f.ctx, in.User.ID, "91510100MA61R5XN3K", &huiqi.AuditEntry{At: f.clock(), Actor: "system", Action: "binding.verify"}); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]bool{"91510100MA61R5XN3K": true, "91510100ma61r5xn3k": true, "91510100MA61R5XN4K": false, "": false} {
		if got, err := f.svc.ActsFor(f.ctx, in.User, code); err != nil || got != want {
			t.Errorf("ActsFor(%q) = %v, %v", code, got, err)
		}
	}
	officer := f.staff("wang.li", huiqi.RoleOfficer, "510100")
	if got, _ := f.svc.ActsFor(f.ctx, officer, "91510100MA61R5XN3K"); got {
		t.Error("an officer acts for an enterprise bound to someone else")
	}
}
