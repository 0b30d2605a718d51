package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// audited runs a write that carries ev and wants exactly one new entry in
// the log: ev as sealed, with object when the caller left it empty.
func audited(t *testing.T, s Accounts, ev *huiqi.AuditEntry, object func() string, write func() error) {
	t.Helper()
	before := auditCount(t, s)
	if err := write(); err != nil {
		t.Fatalf("%s: %v", ev.Action, err)
	}
	es, err := s.AuditEntries(context.Background(), before, 10)
	if err != nil || len(es) != 1 {
		t.Fatalf("%s appended %d entries (%v), want 1", ev.Action, len(es), err)
	}
	if es[0] != *ev || ev.Object != object() {
		t.Errorf("%s appended\n%+v\nwant\n%+v with object %s", ev.Action, es[0], *ev, object())
	}
}

func testAuditedWrites(t *testing.T, s Accounts) {
	ctx := context.Background()
	u := staff()
	ev := func(action, object string) *huiqi.AuditEntry {
		return &huiqi.AuditEntry{Actor: "u_admin", Action: action, Object: object, Region: "510100", Detail: `{"k":"v"}`}
	}
	e := ev("user.create", "")
	audited(t, s, e, func() string { return "user:" + u.ID }, func() error { return s.CreateUser(ctx, u, e) })
	u.Name = "新名字"
	e = ev("user.update", "user:"+u.ID)
	audited(t, s, e, func() string { return "user:" + u.ID }, func() error { return s.UpdateUser(ctx, u, e) })
	e = ev("enterprise.bind", "")
	audited(t, s, e, func() string { return "user:" + u.ID }, func() error {
		return s.BindEnterprise(ctx, &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: "91510100MA61R8XK2Q"}, e)
	})
	tok := &huiqi.APIToken{UserID: u.ID, Name: "对接", Hash: "tok"}
	e = ev("token.create", "")
	audited(t, s, e, func() string { return "token:" + tok.ID }, func() error { return s.CreateToken(ctx, tok, e) })
	e = ev("token.revoke", "")
	audited(t, s, e, func() string { return "token:" + tok.ID }, func() error { return s.RevokeToken(ctx, u.ID, tok.ID, e) })
	e = ev("session.sign_in", "user:"+u.ID)
	audited(t, s, e, func() string { return "user:" + u.ID }, func() error { return s.AppendAudit(ctx, e) })

	// Unaudited writes and writes that change nothing append nothing.
	before := auditCount(t, s)
	createUser(t, s, &huiqi.User{Phone: "13800138000", Role: huiqi.RoleEnterprise}, nil)
	if err := s.BindEnterprise(ctx, &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: "91510100MA61R8XK2Q"}, ev("enterprise.bind", "")); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, u.ID, tok.ID, ev("token.revoke", "")); err != nil {
		t.Fatal(err)
	}
	createSession(t, s, session(u.ID, "h"))
	if n := auditCount(t, s); n != before {
		t.Errorf("writes without a change or an entry appended %d entries", n-before)
	}
}

// testAuditedFailures: a change whose entry cannot be appended is not made.
func testAuditedFailures(t *testing.T, s Accounts) {
	ctx := context.Background()
	bad := &huiqi.AuditEntry{Action: "user.create"} // no actor
	err := s.CreateUser(ctx, &huiqi.User{Phone: "13800138000", Role: huiqi.RoleEnterprise}, bad)
	wantCode(t, "CreateUser with a bad entry", err, huiqi.EINVALID)
	_, err = s.FindUserByPhone(ctx, "13800138000")
	wantCode(t, "FindUserByPhone after a refused create", err, huiqi.ENOTFOUND)
	u := enterpriseUser(t, s, "13800138001")
	u.Name = "不该保存"
	wantCode(t, "UpdateUser with a bad entry", s.UpdateUser(ctx, u, bad), huiqi.EINVALID)
	if got := findUser(t, s, u.ID); got.Name != "" {
		t.Errorf("a refused update saved the name %q", got.Name)
	}
	err = s.CreateToken(ctx, &huiqi.APIToken{UserID: u.ID, Name: "x", Hash: "h"}, bad)
	wantCode(t, "CreateToken with a bad entry", err, huiqi.EINVALID)
	if ts, _ := s.ListTokens(ctx, u.ID); len(ts) != 0 {
		t.Errorf("a refused token was stored: %+v", ts)
	}
	err = s.BindEnterprise(ctx, &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: "91510100MA61R8XK2Q"}, bad)
	wantCode(t, "BindEnterprise with a bad entry", err, huiqi.EINVALID)
	if bs, _ := s.Enterprises(ctx, u.ID); len(bs) != 0 {
		t.Errorf("a refused binding was stored: %+v", bs)
	}
	if n := auditCount(t, s); n != 0 {
		t.Errorf("refused writes appended %d entries", n)
	}
}

// testAuditedConcurrent: audited writes and lone entries at once each
// append one entry to one unbroken chain.
func testAuditedConcurrent(t *testing.T, s Accounts) {
	const n = 8
	ok := burst(t, n, func(i int) error {
		ctx := context.Background()
		u := &huiqi.User{Phone: fmt.Sprintf("138%08d", i), Role: huiqi.RoleEnterprise}
		if err := s.CreateUser(ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
			return err
		}
		tok := &huiqi.APIToken{UserID: u.ID, Name: "t", Hash: fmt.Sprint("tok-", i)}
		if err := s.CreateToken(ctx, tok, &huiqi.AuditEntry{Actor: u.ID, Action: "token.create"}); err != nil {
			return err
		}
		return s.AppendAudit(ctx, &huiqi.AuditEntry{Actor: u.ID, Action: "session.sign_in", Object: "user:" + u.ID})
	})
	if ok != n {
		t.Fatalf("%d of %d writers succeeded", ok, n)
	}
	if c := auditCount(t, s); c != 3*n {
		t.Errorf("%d entries, want %d", c, 3*n)
	}
}
