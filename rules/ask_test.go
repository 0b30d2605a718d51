package rules

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func leaf(id string, s huiqi.Status, missing ...string) huiqi.ConditionResult {
	r := huiqi.ConditionResult{ID: id, Kind: "check", Status: s}
	for _, m := range missing {
		r.Missing = append(r.Missing, huiqi.Field{Path: m})
	}
	return r
}

func group(kind string, s huiqi.Status, children ...huiqi.ConditionResult) huiqi.ConditionResult {
	return huiqi.ConditionResult{Kind: kind, Status: s, Children: children}
}

func paths(fs []huiqi.Field) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return strings.Join(out, " ")
}

func TestAsk(t *testing.T) {
	tests := []struct {
		name string
		root huiqi.ConditionResult
		want string
	}{
		{
			"a field that alone can make the rule unmet comes first",
			group("all", huiqi.Unknown,
				group("any", huiqi.Unknown, leaf("a", huiqi.Unknown, "x"), leaf("b", huiqi.Unknown, "z")),
				leaf("c", huiqi.Unknown, "y")),
			"y x z",
		},
		{
			"then one that alone can make it met",
			group("any", huiqi.Unknown,
				group("all", huiqi.Unknown, leaf("a", huiqi.Unknown, "x"), leaf("b", huiqi.Unknown, "z")),
				leaf("c", huiqi.Unknown, "y")),
			"y x z",
		},
		{
			"a field deciding its condition alone before one needing others",
			group("all", huiqi.Unknown, leaf("a", huiqi.Unknown, "p", "q"), leaf("b", huiqi.Unknown, "r")),
			"r p q",
		},
		{
			"a field in more conditions first among equals",
			group("all", huiqi.Unknown, leaf("a", huiqi.Unknown, "p"), leaf("b", huiqi.Unknown, "q"), leaf("c", huiqi.Unknown, "q")),
			"q p",
		},
		{
			"under not, unmet and met swap",
			group("all", huiqi.Unknown, group("not", huiqi.Unknown, leaf("a", huiqi.Unknown, "x")), leaf("b", huiqi.Unknown, "x", "y")),
			"x y",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paths(ask(&tt.root)); got != tt.want {
				t.Errorf("ask = %q, want %q", got, tt.want)
			}
		})
	}
}
