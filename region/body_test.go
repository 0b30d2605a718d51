package region_test

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/region"
)

func TestFromBody(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text, want string
	}{
		{"one place named often, its city beside it", "为加快我市物流业发展。兰溪市现场报关。兰溪市土地利用。兰溪市信息物流平台。金华市支持。", "330781"},
		{"named twice only", "我市。兰溪市现场报关。兰溪市土地利用。", ""},
		{"two places alike", "我市。兰溪市一。兰溪市二。兰溪市三。义乌市一。义乌市二。", ""},
		{"no place", strings.Repeat("我市支持企业发展。", 5), ""},
	}
	for _, c := range cases {
		r, ok := region.FromBody(c.text)
		if got := r.Code; !ok && got != "" || got != c.want {
			t.Errorf("%s: FromBody = %q (%v), want %q", c.name, got, ok, c.want)
		}
	}
}
