package storekit_test

import (
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestRegionPatterns(t *testing.T) {
	tests := []struct {
		name     string
		prefixes []string
		want     []string
		msg      string
	}{
		{"none", nil, nil, ""},
		{"two", []string{"33", "330400"}, []string{"33*", "330400*"}, ""},
		{"the whole country among them", []string{"33", ""}, nil, ""},
		{"not digits", []string{"33", "3a"}, nil, `地区代码前缀 "3a" 无效`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := storekit.RegionPatterns(tt.prefixes, "*")
			if tt.msg != "" {
				if huiqi.ErrorCode(err) != huiqi.EINVALID || err.Error() != tt.msg {
					t.Fatalf("err = %v, want EINVALID %q", err, tt.msg)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("RegionPatterns = %q, %v, want %q", got, err, tt.want)
			}
		})
	}
}
