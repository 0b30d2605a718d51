package national_test

import (
	"os"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
	"github.com/huiqi-dev/huiqi/rules/window"
)

// BenchmarkAssess is what POST /api/v1/match and /api/v1/assess add to a
// request: the four qualifications with their five-year outlooks and
// windows, for a complete profile.
func BenchmarkAssess(b *testing.B) {
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	data, err := os.ReadFile("../../profile/testdata/hangzhou-software.json")
	if err != nil {
		b.Fatal(err)
	}
	ent, _, err := profile.Check("hangzhou-software.json", data, asOf)
	if err != nil {
		b.Fatal(err)
	}
	wins, err := window.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		as, err := national.Assess(ent, asOf, rules.Assumption{Growth: rules.GrowthLastYear, Years: 5}, wins)
		if err != nil || len(as) != 4 {
			b.Fatal(err, len(as))
		}
	}
}
