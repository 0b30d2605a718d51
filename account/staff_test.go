package account

import (
	"reflect"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestNormalizePhone(t *testing.T) {
	t.Parallel()
	good := map[string]string{"13812345678": "13812345678", " 138-1234-5678 ": "13812345678", "+86 199 1234 5678": "19912345678", "8615912345678": "15912345678"}
	for in, want := range good {
		if got, err := NormalizePhone(in); err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "12812345678", "1381234567", "138123456789", "028-85551234", "1381234567a"} {
		_, err := NormalizePhone(in)
		if huiqi.ErrorCode(err) != huiqi.EINVALID || huiqi.ErrorMessage(err) != "手机号格式不正确" {
			t.Errorf("NormalizePhone(%q): %v", in, err)
		}
	}
}

func TestNewStaff(t *testing.T) {
	t.Parallel()
	u, err := NewStaff("wang.li", "王力", huiqi.RoleOfficer, []string{"510105", " 510100"}, "138 1234 5678", "a long enough password")
	if err != nil {
		t.Fatal(err)
	}
	if u.Username != "wang.li" || u.Name != "王力" || !reflect.DeepEqual(u.Regions, []string{"510105", "510100"}) || u.Phone != "13812345678" {
		t.Errorf("%+v", u)
	}
	if ok, _ := CheckPassword(u.PasswordHash, "a long enough password"); !ok {
		t.Error("the password does not check")
	}
	if _, err := NewStaff("root", "管理员", huiqi.RoleAdmin, nil, "", "a long enough password"); err != nil {
		t.Errorf("an administrator without regions: %v", err)
	}
	tests := []struct {
		name, user, display string
		role                huiqi.Role
		regions             []string
		phone, pw, want     string
	}{
		{"bad username", "Wang Li", "王力", huiqi.RoleOfficer, []string{"510105"}, "", "a long enough password", "用户名"},
		{"no name", "wangli", " ", huiqi.RoleOfficer, []string{"510105"}, "", "a long enough password", "姓名"},
		{"enterprise role", "wangli", "王力", huiqi.RoleEnterprise, []string{"510105"}, "", "a long enough password", "角色"},
		{"bad region", "wangli", "王力", huiqi.RoleOfficer, []string{"5101"}, "", "a long enough password", "地区代码"},
		{"officer without region", "wangli", "王力", huiqi.RoleReviewer, nil, "", "a long enough password", "审核员至少需要一个地区"},
		{"bad phone", "wangli", "王力", huiqi.RoleOfficer, []string{"510105"}, "12345", "a long enough password", "手机号"},
		{"short password", "wangli", "王力", huiqi.RoleOfficer, []string{"510105"}, "", "short", "密码至少 10 个字符"},
	}
	for _, tt := range tests {
		_, err := NewStaff(tt.user, tt.display, tt.role, tt.regions, tt.phone, tt.pw)
		if huiqi.ErrorCode(err) != huiqi.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want EINVALID naming %s", tt.name, err, tt.want)
		}
	}
}

func TestRandomDigits(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	counts := [10]int{}
	for range 2000 {
		c := randomDigits(6)
		if len(c) != 6 || strings.Trim(c, "0123456789") != "" {
			t.Fatalf("code %q", c)
		}
		seen[c] = true
		for _, r := range c {
			counts[r-'0']++
		}
	}
	if len(seen) < 1990 {
		t.Errorf("%d distinct codes of 2000", len(seen))
	}
	for d, n := range counts { // 1200 expected each; 6 sigma is ±200
		if n < 1000 || n > 1400 {
			t.Errorf("digit %d came %d times of 12000", d, n)
		}
	}
}
