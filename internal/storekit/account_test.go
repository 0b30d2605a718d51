package storekit_test

import (
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestCheckUser(t *testing.T) {
	runChecks(t, []checkCase{
		{"enterprise by phone", storekit.CheckUser(&huiqi.User{Role: huiqi.RoleEnterprise, Phone: "13800000000"}), "", ""},
		{"admin by username", storekit.CheckUser(&huiqi.User{Role: huiqi.RoleAdmin, Username: "root"}), "", ""},
		{"nil", storekit.CheckUser(nil), huiqi.EINVALID, "user is required"},
		{"unknown role", storekit.CheckUser(&huiqi.User{Role: "boss", Phone: "1"}), huiqi.EINVALID, `用户角色 "boss" 无效`},
		{"no role", storekit.CheckUser(&huiqi.User{Phone: "1"}), huiqi.EINVALID, `用户角色 "" 无效`},
		{"no phone or username", storekit.CheckUser(&huiqi.User{Role: huiqi.RoleOfficer}), huiqi.EINVALID, "用户须有手机号或用户名"},
		{"each known role", firstErr(storekit.CheckRole(huiqi.RoleEnterprise), storekit.CheckRole(huiqi.RoleOfficer),
			storekit.CheckRole(huiqi.RoleReviewer), storekit.CheckRole(huiqi.RoleAdmin)), "", ""},
	})
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func TestRegions(t *testing.T) {
	tests := []struct {
		name   string
		in     []string
		stored string
		out    []string
	}{
		{"none", nil, "[]", nil},
		{"empty", []string{}, "[]", nil},
		{"two", []string{"330400", "3304"}, `["330400","3304"]`, []string{"330400", "3304"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storekit.EncodeRegions(tt.in)
			if s != tt.stored {
				t.Fatalf("EncodeRegions = %s, want %s", s, tt.stored)
			}
			got, err := storekit.DecodeRegions(s)
			if err != nil || !reflect.DeepEqual(got, tt.out) {
				t.Errorf("DecodeRegions(%s) = %#v, %v, want %#v", s, got, err, tt.out)
			}
		})
	}
	if _, err := storekit.DecodeRegions("330400"); err == nil {
		t.Errorf("DecodeRegions of a bare code did not fail")
	}
}

func TestNewIDAndMicro(t *testing.T) {
	a, b := storekit.NewID("u_"), storekit.NewID("u_")
	if !regexp.MustCompile(`^u_[a-z2-7]{26}$`).MatchString(a) || a == b {
		t.Errorf("NewID = %q, %q: want u_ and 26 distinct base32 letters", a, b)
	}
	at := time.Date(2026, 11, 20, 18, 0, 0, 123456789, time.FixedZone("CST", 8*3600))
	got := storekit.Micro(at)
	if want := time.Date(2026, 11, 20, 10, 0, 0, 123456000, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Micro = %v, want %v in UTC", got, want)
	}
}
