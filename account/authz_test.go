package account

import (
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestWithin(t *testing.T) {
	t.Parallel()
	officer := &huiqi.User{Role: huiqi.RoleOfficer, Regions: []string{"510100", "330106"}}
	province := &huiqi.User{Role: huiqi.RoleReviewer, Regions: []string{"510000"}}
	admin := &huiqi.User{Role: huiqi.RoleAdmin}
	cityAdmin := &huiqi.User{Role: huiqi.RoleAdmin, Regions: []string{"510100"}}
	national := &huiqi.User{Role: huiqi.RoleOfficer, Regions: []string{"100000"}}
	enterprise := &huiqi.User{Role: huiqi.RoleEnterprise, Regions: []string{"510100"}}
	disabled := &huiqi.User{Role: huiqi.RoleAdmin, Disabled: true}
	tests := []struct {
		name   string
		u      *huiqi.User
		region string
		want   bool
	}{
		{"city covers its district", officer, "510105", true},
		{"city covers itself", officer, "510100", true},
		{"district listed", officer, "330106", true},
		{"sibling district", officer, "330105", false},
		{"other city", officer, "510300", false},
		{"province above the city", officer, "510000", false},
		{"national policy", officer, "", false},
		{"province covers cities", province, "511302", true},
		{"province not another", province, "520102", false},
		{"admin everywhere", admin, "650102", true},
		{"admin national", admin, "", true},
		{"admin with regions", cityAdmin, "440305", false},
		{"whole country", national, "440305", true},
		{"enterprise never", enterprise, "510105", false},
		{"disabled never", disabled, "510105", false},
		{"nil", nil, "510105", false},
	}
	for _, tt := range tests {
		if got := Within(tt.u, tt.region); got != tt.want {
			t.Errorf("%s: Within(%v, %q) = %v", tt.name, tt.u.Regions, tt.region, got)
		}
	}
}

func TestRegionPrefixes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		u          *huiqi.User
		prefixes   []string
		everywhere bool
	}{
		{&huiqi.User{Role: huiqi.RoleOfficer, Regions: []string{"510100", "330106", "520000"}}, []string{"5101", "330106", "52"}, false},
		{&huiqi.User{Role: huiqi.RoleAdmin}, nil, true},
		{&huiqi.User{Role: huiqi.RoleReviewer, Regions: []string{"510100", "100000"}}, nil, true},
		{&huiqi.User{Role: huiqi.RoleReviewer}, nil, false},
		{&huiqi.User{Role: huiqi.RoleEnterprise}, nil, false},
	}
	for _, tt := range tests {
		p, all := RegionPrefixes(tt.u)
		if !reflect.DeepEqual(p, tt.prefixes) || all != tt.everywhere {
			t.Errorf("RegionPrefixes(%s %v) = %v, %v", tt.u.Role, tt.u.Regions, p, all)
		}
	}
}
