package storetest

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func staff() *huiqi.User {
	return &huiqi.User{Username: "zhangsan", Name: "张三", Role: huiqi.RoleOfficer, Regions: []string{"510100", "510104"},
		PasswordHash: "$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA"}
}

func testUserCreateFind(t *testing.T, s Accounts) {
	ctx := context.Background()
	ent := createUser(t, s, &huiqi.User{Phone: "13800138000", Name: "李四", Role: huiqi.RoleEnterprise}, nil)
	st := createUser(t, s, staff(), nil)
	for _, u := range []*huiqi.User{ent, st} {
		if !strings.HasPrefix(u.ID, "u_") || len(u.ID) < 12 || u.CreatedAt.IsZero() {
			t.Errorf("created user has ID %q, created at %v", u.ID, u.CreatedAt)
		}
	}
	if ent.ID == st.ID {
		t.Fatalf("two users share the ID %s", ent.ID)
	}
	byPhone, err := s.FindUserByPhone(ctx, "13800138000")
	if err != nil || !reflect.DeepEqual(byPhone, ent) {
		t.Errorf("FindUserByPhone = %+v, %v; want %+v", byPhone, err, ent)
	}
	byName, err := s.FindUserByUsername(ctx, "zhangsan")
	if err != nil || !reflect.DeepEqual(byName, st) {
		t.Errorf("FindUserByUsername = %+v, %v; want %+v", byName, err, st)
	}
	if got := findUser(t, s, st.ID); !reflect.DeepEqual(got, st) {
		t.Errorf("FindUser = %+v, want %+v", got, st)
	}
	if got := findUser(t, s, ent.ID); got.Regions != nil {
		t.Errorf("a user without regions reads back regions %#v", got.Regions)
	}
}

func testUserUpdate(t *testing.T, s Accounts) {
	u := createUser(t, s, staff(), nil)
	u.Name, u.Phone, u.Role, u.Regions = "张三丰", "13900139000", huiqi.RoleReviewer, []string{"510000"}
	u.PasswordHash, u.Disabled = "$argon2id$new", true
	u.Username = "renamed" // not something UpdateUser changes
	if err := s.UpdateUser(context.Background(), u, nil); err != nil {
		t.Fatal(err)
	}
	u.Username = "zhangsan"
	if got := findUser(t, s, u.ID); !reflect.DeepEqual(got, u) {
		t.Errorf("after update\n%+v\nwant\n%+v", got, u)
	}
	if got, err := s.FindUserByPhone(context.Background(), "13900139000"); err != nil || got.ID != u.ID {
		t.Errorf("FindUserByPhone after update = %v, %v", got, err)
	}
	u.Phone = "" // staff may have no phone
	if err := s.UpdateUser(context.Background(), u, nil); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindUserByPhone(context.Background(), "13900139000")
	wantCode(t, "FindUserByPhone of a removed phone", err, huiqi.ENOTFOUND)
}

func testUserConflicts(t *testing.T, s Accounts) {
	ctx := context.Background()
	a := enterpriseUser(t, s, "13800138000")
	createUser(t, s, staff(), nil)
	b := createUser(t, s, &huiqi.User{Username: "lisi", Role: huiqi.RoleAdmin}, nil) // no phone: not a conflict
	entries := auditCount(t, s)
	err := s.CreateUser(ctx, &huiqi.User{Phone: "13800138000", Role: huiqi.RoleEnterprise}, &huiqi.AuditEntry{Actor: "system", Action: "user.create"})
	wantConflict(t, "CreateUser with a taken phone", err, "13800138000")
	err = s.CreateUser(ctx, &huiqi.User{Username: "zhangsan", Role: huiqi.RoleOfficer}, &huiqi.AuditEntry{Actor: "system", Action: "user.create"})
	wantConflict(t, "CreateUser with a taken username", err, "zhangsan")
	b.Phone = a.Phone
	wantConflict(t, "UpdateUser to a taken phone", s.UpdateUser(ctx, b, &huiqi.AuditEntry{Actor: "system", Action: "user.update"}), "13800138000")
	a.Name = "改名" // keeping its own phone is no conflict
	if err := s.UpdateUser(ctx, a, nil); err != nil {
		t.Errorf("UpdateUser keeping its phone: %v", err)
	}
	if us, err := s.ListUsers(ctx, ""); err != nil || len(us) != 3 {
		t.Errorf("after the conflicts: %d users, %v; want 3", len(us), err)
	}
	if got := findUser(t, s, b.ID); got.Phone != "" {
		t.Errorf("a refused update changed the phone to %q", got.Phone)
	}
	if n := auditCount(t, s); n != entries {
		t.Errorf("refused writes appended %d audit entries", n-entries)
	}
}

func wantConflict(t *testing.T, what string, err error, naming string) {
	t.Helper()
	wantCode(t, what, err, huiqi.ECONFLICT)
	if err != nil && !strings.Contains(huiqi.ErrorMessage(err), naming) {
		t.Errorf("%s: message %q does not name %s", what, huiqi.ErrorMessage(err), naming)
	}
}

// testUserConcurrentSamePhone: first sign-ins of one number at once create
// one user; the others see a conflict.
func testUserConcurrentSamePhone(t *testing.T, s Accounts) {
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = s.CreateUser(context.Background(), &huiqi.User{Phone: "13700137000", Role: huiqi.RoleEnterprise},
				&huiqi.AuditEntry{Actor: "system", Action: "user.create"})
		})
	}
	close(start)
	wg.Wait()
	created := 0
	for _, err := range errs {
		if err == nil {
			created++
		} else {
			wantCode(t, "concurrent CreateUser", err, huiqi.ECONFLICT)
		}
	}
	if created != 1 || auditCount(t, s) != 1 {
		t.Errorf("%d creates succeeded, %d entries; want 1 and 1", created, auditCount(t, s))
	}
}

func testUserInvalid(t *testing.T, s Accounts) {
	ctx := context.Background()
	wantCode(t, "CreateUser(nil)", s.CreateUser(ctx, nil, nil), huiqi.EINVALID)
	wantCode(t, "CreateUser with role boss", s.CreateUser(ctx, &huiqi.User{Phone: "13800138000", Role: "boss"}, nil), huiqi.EINVALID)
	wantCode(t, "CreateUser without role", s.CreateUser(ctx, &huiqi.User{Phone: "13800138000"}, nil), huiqi.EINVALID)
	wantCode(t, "CreateUser without phone or username", s.CreateUser(ctx, &huiqi.User{Role: huiqi.RoleEnterprise}, nil), huiqi.EINVALID)
	u := enterpriseUser(t, s, "13800138000")
	u.Role = "root"
	wantCode(t, "UpdateUser to role root", s.UpdateUser(ctx, u, nil), huiqi.EINVALID)
	ghost := &huiqi.User{ID: "u_nobody", Phone: "13900000000", Role: huiqi.RoleEnterprise}
	wantCode(t, "UpdateUser of an unknown ID", s.UpdateUser(ctx, ghost, &huiqi.AuditEntry{Actor: "system", Action: "user.update"}), huiqi.ENOTFOUND)
	for what, find := range map[string]func() (*huiqi.User, error){
		"FindUser(u_nobody)":       func() (*huiqi.User, error) { return s.FindUser(ctx, "u_nobody") },
		"FindUser(\"\")":           func() (*huiqi.User, error) { return s.FindUser(ctx, "") },
		"FindUserByPhone(\"\")":    func() (*huiqi.User, error) { return s.FindUserByPhone(ctx, "") },
		"FindUserByPhone(other)":   func() (*huiqi.User, error) { return s.FindUserByPhone(ctx, "13900000000") },
		"FindUserByUsername(\"\")": func() (*huiqi.User, error) { return s.FindUserByUsername(ctx, "") },
	} {
		_, err := find()
		wantCode(t, what, err, huiqi.ENOTFOUND)
	}
	_, err := s.ListUsers(ctx, "boss")
	wantCode(t, "ListUsers(boss)", err, huiqi.EINVALID)
	if got := findUser(t, s, u.ID); got.Role != huiqi.RoleEnterprise {
		t.Errorf("a refused update changed the role to %q", got.Role)
	}
	if n := auditCount(t, s); n != 0 {
		t.Errorf("refused writes appended %d audit entries", n)
	}
}

func testListUsers(t *testing.T, s Accounts) {
	ctx := context.Background()
	e1 := enterpriseUser(t, s, "13800138001")
	o := createUser(t, s, staff(), nil)
	e2 := enterpriseUser(t, s, "13800138002")
	a := createUser(t, s, &huiqi.User{Username: "admin", Role: huiqi.RoleAdmin}, nil)
	ids := func(us []huiqi.User) []string {
		var out []string
		for _, u := range us {
			out = append(out, u.ID)
		}
		return out
	}
	for _, tc := range []struct {
		role huiqi.Role
		want []string
	}{
		{"", []string{e1.ID, o.ID, e2.ID, a.ID}},
		{huiqi.RoleEnterprise, []string{e1.ID, e2.ID}},
		{huiqi.RoleOfficer, []string{o.ID}},
		{huiqi.RoleReviewer, nil},
	} {
		us, err := s.ListUsers(ctx, tc.role)
		if err != nil || !reflect.DeepEqual(ids(us), tc.want) || us == nil {
			t.Errorf("ListUsers(%q) = %v, %v; want %v", tc.role, ids(us), err, tc.want)
		}
	}
	us, _ := s.ListUsers(ctx, huiqi.RoleOfficer)
	if len(us) == 1 && !reflect.DeepEqual(&us[0], o) {
		t.Errorf("listed %+v, want %+v", us[0], o)
	}
}

func testBindings(t *testing.T, s Accounts) {
	ctx := context.Background()
	u := enterpriseUser(t, s, "13800138000")
	other := enterpriseUser(t, s, "13800138001")
	bind := func(userID, code, name string) *huiqi.EnterpriseBinding {
		t.Helper()
		b := &huiqi.EnterpriseBinding{UserID: userID, CreditCode: code, Name: name}
		if err := s.BindEnterprise(ctx, b, &huiqi.AuditEntry{Actor: userID, Action: "enterprise.bind", Object: "enterprise:" + code}); err != nil {
			t.Fatalf("BindEnterprise(%s, %s): %v", userID, code, err)
		}
		return b
	}
	first := bind(u.ID, "91510100MA61R8XK2Q", "成都某某科技有限公司")
	second := bind(u.ID, "91510104MA6CXXXX1K", "成都另一家有限公司")
	bind(other.ID, "91510100MA61R8XK2Q", "成都某某科技有限公司") // one enterprise, two users
	again := bind(u.ID, "91510100MA61R8XK2Q", "改过的名称")
	if !again.BoundAt.Equal(first.BoundAt) {
		t.Errorf("binding again moved the time from %v to %v", first.BoundAt, again.BoundAt)
	}
	bs, err := s.Enterprises(ctx, u.ID)
	want := []huiqi.EnterpriseBinding{*first, *second}
	if err != nil || !reflect.DeepEqual(bs, want) {
		t.Errorf("Enterprises = %+v, %v;\nwant %+v", bs, err, want)
	}
	if n := auditCount(t, s); n != 3 {
		t.Errorf("3 bindings and one again appended %d entries, want 3", n)
	}
	err = s.BindEnterprise(ctx, &huiqi.EnterpriseBinding{UserID: "u_nobody", CreditCode: "91510100MA61R8XK2Q"}, nil)
	wantCode(t, "BindEnterprise of an unknown user", err, huiqi.ENOTFOUND)
	wantCode(t, "BindEnterprise without a code", s.BindEnterprise(ctx, &huiqi.EnterpriseBinding{UserID: u.ID}, nil), huiqi.EINVALID)
	if bs, err := s.Enterprises(ctx, "u_nobody"); err != nil || bs == nil || len(bs) != 0 {
		t.Errorf("Enterprises of nobody = %#v, %v; want an empty list", bs, err)
	}
}
