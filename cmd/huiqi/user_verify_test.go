package main

import (
	"context"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
)

func TestUserVerify(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	data := t.TempDir()
	db, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	u := &huiqi.User{Phone: "13812345678", Role: huiqi.RoleEnterprise}
	if err := db.CreateUser(ctx, u, &huiqi.AuditEntry{Actor: "system", Action: "user.create"}); err != nil {
		t.Fatal(err)
	}
	b := &huiqi.EnterpriseBinding{UserID: u.ID, CreditCode: "91330100716105852F", Name: "杭州甲科技有限公司", RegionCode: "330106"}
	if err := db.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: u.ID, Action: "binding.claim"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	r := must(t, exitFail, "user", "verify", "--data", data, "--phone", "13812345678", "--credit-code", "91510100MA61R5XN3K")
	if !strings.Contains(r.stderr, "没有申请绑定") {
		t.Errorf("an enterprise not claimed: stderr %q", r.stderr)
	}
	must(t, exitUsage, "user", "verify", "--data", data, "--phone", "13812345678")
	must(t, exitFail, "user", "verify", "--data", data, "--phone", "13900000000", "--credit-code", "91330100716105852F")
	r = must(t, exitOK, "user", "verify", "--data", data, "--phone", "13812345678", "--credit-code", " 91330100716105852f ")
	if !strings.Contains(r.stdout, "verified: 138****5678 ("+u.ID+") acts for 91330100716105852F 杭州甲科技有限公司") {
		t.Errorf("stdout %q", r.stdout)
	}
	if r = must(t, exitOK, "user", "verify", "--data", data, "--phone", "13812345678", "--credit-code", "91330100716105852F"); !strings.Contains(r.stdout, "already acts for") {
		t.Errorf("again: stdout %q", r.stdout)
	}

	db, err = sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bs, _ := db.Enterprises(ctx, u.ID)
	if len(bs) != 1 || !bs[0].Verified || bs[0].VerifiedBy != "system" {
		t.Errorf("binding after user verify: %+v", bs)
	}
	es, _ := db.AuditEntries(ctx, 0, 100)
	last := es[len(es)-1]
	if last.Action != "binding.verify" || last.Object != "user:"+u.ID || last.Region != "330106" || len(es) != 3 {
		t.Errorf("audit log: %d entries, last %+v", len(es), last)
	}
}
