package rules

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func award(id string, v huiqi.Verdict, lo, hi int64, excl, capGroup string, capYuan int64) huiqi.Assessment {
	return huiqi.Assessment{RuleID: id, Verdict: v, Amount: &huiqi.Amount{Min: lo, Max: hi, Exclusive: excl, CapGroup: capGroup, CapYuan: capYuan}}
}

func TestStack(t *testing.T) {
	tests := []struct {
		name     string
		in       []huiqi.Assessment
		min, max int64
		dropped  string // rule id whose counted part is zero, if any
	}{
		{"independent measures add up", []huiqi.Assessment{
			award("a", huiqi.Eligible, 100, 100, "", "", 0), award("b", huiqi.Eligible, 50, 80, "", "", 0)}, 150, 180, ""},
		{"unknown adds to the maximum only", []huiqi.Assessment{
			award("a", huiqi.Eligible, 100, 100, "", "", 0), award("b", huiqi.Undecided, 50, 80, "", "", 0)}, 100, 180, ""},
		{"not eligible adds nothing", []huiqi.Assessment{
			award("a", huiqi.NotEligible, 100, 100, "", "", 0)}, 0, 0, "a"},
		{"就高不重复: only the highest of a group", []huiqi.Assessment{
			award("city", huiqi.Eligible, 30, 30, "g", "", 0), award("national", huiqi.Eligible, 100, 100, "g", "", 0),
			award("province", huiqi.Eligible, 50, 50, "g", "", 0)}, 100, 100, "city"},
		{"yearly cap across measures", []huiqi.Assessment{
			award("a", huiqi.Eligible, 80, 80, "", "y", 120), award("b", huiqi.Eligible, 60, 60, "", "y", 150),
			award("c", huiqi.Eligible, 10, 10, "", "", 0)}, 130, 130, ""},
		{"exclusive before the cap", []huiqi.Assessment{
			award("a", huiqi.Eligible, 100, 100, "g", "y", 120), award("b", huiqi.Eligible, 90, 90, "g", "y", 120),
			award("c", huiqi.Eligible, 50, 50, "", "y", 120)}, 120, 120, "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Stack(tt.in)
			if got.Min != tt.min || got.Max != tt.max {
				t.Errorf("Stack = [%d, %d], want [%d, %d]: %+v", got.Min, got.Max, tt.min, tt.max, got.Lines)
			}
			for _, l := range got.Lines {
				if l.RuleID == tt.dropped && (l.Max != 0 || l.Reason == "") {
					t.Errorf("%s: counted %d (%q), want 0 with a reason", l.RuleID, l.Max, l.Reason)
				}
			}
		})
	}
}

func TestStackReasons(t *testing.T) {
	got := Stack([]huiqi.Assessment{
		award("a", huiqi.Eligible, 800000, 800000, "", "省级奖补", 1000000),
		award("b", huiqi.Eligible, 600000, 600000, "", "省级奖补", 1000000),
		award("c", huiqi.Eligible, 100000, 100000, "g", "", 0),
		award("d", huiqi.Eligible, 300000, 300000, "g", "", 0),
	})
	want := map[string]string{"b": "省级奖补年度合计上限 100 万元", "c": "与同组（g）就高不重复享受"}
	for _, l := range got.Lines {
		if l.Reason != want[l.RuleID] {
			t.Errorf("%s: reason %q, want %q", l.RuleID, l.Reason, want[l.RuleID])
		}
	}
	if got.Min != 1300000 {
		t.Errorf("total %d, want 1300000", got.Min)
	}
}
