package national_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
)

// BenchmarkAssess is what POST /api/v1/match and /api/v1/assess add to a
// request: the four qualifications with their five-year outlooks and
// windows, for a complete profile.
func BenchmarkAssess(b *testing.B) {
	ent, asOf, wins := hangzhou(b)
	b.ReportAllocs()
	for b.Loop() {
		as, err := national.Assess(ent, asOf, rules.Assumption{Growth: rules.GrowthLastYear, Years: 5}, wins)
		if err != nil || len(as) != 4 {
			b.Fatal(err, len(as))
		}
	}
}
