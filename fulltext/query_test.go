package fulltext

import (
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi/zhtext"
)

func TestJoinLoneChars(t *testing.T) {
	t.Parallel()
	cases := []struct {
		words []string
		query string
		want  []string
	}{
		{[]string{"临", "政办", "发", "2017", "132", "号"}, "临政办发〔2017〕132号", []string{"临政", "政办", "办发", "2017", "132"}},
		{[]string{"5a", "级", "旅游", "景区"}, "5A级旅游景区", []string{"5a", "级旅", "旅游", "景区"}},
		{[]string{"奖", "补"}, "奖 补", []string{"奖", "补"}},
		{[]string{"孵化器", "补助"}, "孵化器补助", []string{"孵化器", "补助"}},
	}
	for _, c := range cases {
		if got := joinLoneChars(c.words, zhtext.Normalize(c.query)); !slices.Equal(got, c.want) {
			t.Errorf("joinLoneChars(%q, %q) = %q, want %q", c.words, c.query, got, c.want)
		}
	}
}
