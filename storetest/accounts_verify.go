package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// testBindingVerify: a binding is a claim with the enterprise's region
// until verified; verifying records who and when with one audit entry,
// once; the pending claims are listed by region prefix, oldest first.
func testBindingVerify(t *testing.T, s Accounts) {
	ctx := context.Background()
	u := enterpriseUser(t, s, "13800138000")
	v := enterpriseUser(t, s, "13800138001")
	w := enterpriseUser(t, s, "13800138002")
	claim := func(userID, code, region string) {
		t.Helper()
		b := &huiqi.EnterpriseBinding{UserID: userID, CreditCode: code, Name: "某公司", RegionCode: region}
		if err := s.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: userID, Action: "binding.claim"}); err != nil {
			t.Fatalf("BindEnterprise(%s, %s): %v", userID, code, err)
		}
		time.Sleep(2 * time.Millisecond) // distinct times for the order of the listing
	}
	claim(u.ID, "91510100MA61R8XK2Q", "510105")
	claim(v.ID, "91510100MA61R8XK2Q", "510105")
	claim(w.ID, "91330100716105852F", "330106")
	claim(w.ID, "91110000100000000X", "")
	bs, _ := s.Enterprises(ctx, u.ID)
	if len(bs) != 1 || bs[0].RegionCode != "510105" || bs[0].Verified || bs[0].VerifiedBy != "" || bs[0].VerifiedAt != nil {
		t.Fatalf("a new claim = %+v, want unverified in 510105", bs)
	}
	pending := func(prefixes ...string) []string {
		t.Helper()
		ps, err := s.PendingBindings(ctx, prefixes, 10)
		if err != nil {
			t.Fatalf("PendingBindings(%v): %v", prefixes, err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.UserID+" "+p.RegionCode)
		}
		return out
	}
	all := []string{u.ID + " 510105", v.ID + " 510105", w.ID + " 330106", w.ID + " "}
	if got := pending(); !reflect.DeepEqual(got, all) {
		t.Errorf("PendingBindings(everywhere) = %v, want %v", got, all)
	}
	if got := pending("5101", "44"); !reflect.DeepEqual(got, all[:2]) {
		t.Errorf("PendingBindings(5101, 44) = %v, want %v", got, all[:2])
	}
	if got := pending("510104"); len(got) != 0 {
		t.Errorf("PendingBindings(510104) = %v, want none", got)
	}
	if ps, err := s.PendingBindings(ctx, nil, 2); err != nil || len(ps) != 2 {
		t.Errorf("PendingBindings limited to 2 = %d, %v", len(ps), err)
	}
	_, err := s.PendingBindings(ctx, []string{"51%"}, 10)
	wantCode(t, "PendingBindings of a bad prefix", err, huiqi.EINVALID)

	before := auditCount(t, s)
	start := time.Now().Add(-time.Second)
	if err := s.VerifyBinding(ctx, u.ID, "91510100MA61R8XK2Q", &huiqi.AuditEntry{Actor: "u_officer", Action: "binding.verify"}); err != nil {
		t.Fatal(err)
	}
	bs, _ = s.Enterprises(ctx, u.ID)
	if len(bs) != 1 || !bs[0].Verified || bs[0].VerifiedBy != "u_officer" || bs[0].VerifiedAt == nil ||
		bs[0].VerifiedAt.Before(start) || bs[0].VerifiedAt.After(time.Now().Add(time.Second)) {
		t.Fatalf("a verified claim = %+v", bs)
	}
	at := *bs[0].VerifiedAt
	if err := s.VerifyBinding(ctx, u.ID, "91510100MA61R8XK2Q", &huiqi.AuditEntry{Actor: "u_other", Action: "binding.verify"}); err != nil {
		t.Fatal(err)
	}
	bs, _ = s.Enterprises(ctx, u.ID)
	if bs[0].VerifiedBy != "u_officer" || !bs[0].VerifiedAt.Equal(at) {
		t.Errorf("verifying again changed the binding to %+v", bs[0])
	}
	if n := auditCount(t, s); n != before+1 {
		t.Errorf("verifying twice appended %d entries, want 1", n-before)
	}
	if got := pending("5101"); !reflect.DeepEqual(got, all[1:2]) {
		t.Errorf("PendingBindings(5101) after verifying = %v, want %v", got, all[1:2])
	}
	if v2, _ := s.Enterprises(ctx, v.ID); v2[0].Verified {
		t.Error("verifying one user's claim verified a colleague's too")
	}
	ev := func() *huiqi.AuditEntry { return &huiqi.AuditEntry{Actor: "u_officer", Action: "binding.verify"} }
	wantCode(t, "VerifyBinding of another code", s.VerifyBinding(ctx, u.ID, "91330100716105852F", ev()), huiqi.ENOTFOUND)
	wantCode(t, "VerifyBinding of nobody", s.VerifyBinding(ctx, "u_nobody", "91510100MA61R8XK2Q", ev()), huiqi.ENOTFOUND)
	wantCode(t, "VerifyBinding without an actor", s.VerifyBinding(ctx, v.ID, "91510100MA61R8XK2Q", &huiqi.AuditEntry{Action: "binding.verify"}), huiqi.EINVALID)
	if v2, _ := s.Enterprises(ctx, v.ID); v2[0].Verified {
		t.Error("a refused verification was stored")
	}
	if n := auditCount(t, s); n != before+1 {
		t.Errorf("refused verifications appended %d entries", n-before-1)
	}
}
