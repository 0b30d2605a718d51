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

// TestAssess assesses a complete profile against every embedded
// qualification set: each answered, each with its outlook under the
// assumption asked for and a next window.
func TestAssess(t *testing.T) {
	ent, asOf, wins := hangzhou(t)
	quals, err := national.Qualifications()
	if err != nil {
		t.Fatal(err)
	}
	as, err := national.Assess(ent, asOf, rules.Assumption{Growth: rules.GrowthNone, Years: 3}, wins)
	if err != nil {
		t.Fatal(err)
	}
	if len(quals) != 4 || len(as) != len(quals) {
		t.Fatalf("%d assessments of %d qualification sets, want 4", len(as), len(quals))
	}
	for i, a := range as {
		if a.RuleID != quals[i].ID || a.AsOf != asOf {
			t.Errorf("assessment %d: %s as of %s, want %s as of %s", i, a.RuleID, a.AsOf, quals[i].ID, asOf)
		}
		o := a.Outlook
		if o == nil {
			t.Errorf("%s: no outlook", a.RuleID)
		} else if o.Growth != rules.GrowthNone || o.Window == nil || o.Horizon.Year != 2029 {
			t.Errorf("%s: outlook under %q to %s, window %v; want none, to 2029, a window", a.RuleID, o.Growth, o.Horizon, o.Window)
		}
	}
}

// hangzhou is the complete profile of a 杭州 software company, the date it
// is assessed on and the default windows.
func hangzhou(tb testing.TB) (*huiqi.Enterprise, huiqi.Date, *window.Table) {
	tb.Helper()
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	data, err := os.ReadFile("../../profile/testdata/hangzhou-software.json")
	if err != nil {
		tb.Fatal(err)
	}
	ent, _, err := profile.Check("hangzhou-software.json", data, asOf)
	if err != nil {
		tb.Fatal(err)
	}
	wins, err := window.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return ent, asOf, wins
}
