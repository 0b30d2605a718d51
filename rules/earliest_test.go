package rules

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func dleaf(s huiqi.Status, metOn huiqi.Date) huiqi.ConditionResult {
	return huiqi.ConditionResult{Kind: "check", Status: s, MetOn: metOn}
}

func dgroup(kind string, s huiqi.Status, cs ...huiqi.ConditionResult) huiqi.ConditionResult {
	return huiqi.ConditionResult{Kind: kind, Status: s, Children: cs}
}

func TestEarliestMet(t *testing.T) {
	d1, d2 := huiqi.Date{Year: 2026, Month: 3, Day: 10}, huiqi.Date{Year: 2026, Month: 9, Day: 1}
	none := huiqi.Date{}
	met, unmet, unknown := huiqi.Met, huiqi.Unmet, huiqi.Unknown
	tests := []struct {
		name string
		root huiqi.ConditionResult
		want huiqi.Date
	}{
		{"met now: no date", dgroup("all", met, dleaf(met, none)), none},
		{"one date condition", dgroup("all", unmet, dleaf(met, none), dleaf(unmet, d2)), d2},
		{"the latest of two", dgroup("all", unmet, dleaf(unmet, d2), dleaf(unmet, d1)), d2},
		{"an unmet condition without a date", dgroup("all", unmet, dleaf(unmet, d1), dleaf(unmet, none)), none},
		{"unknown conditions do not block", dgroup("all", unmet, dleaf(unknown, none), dleaf(unmet, d1)), d1},
		{"unmet routes under an unknown any do not block",
			dgroup("all", unmet, dleaf(unmet, d1), dgroup("any", unknown, dleaf(unknown, none), dleaf(unmet, none))), d1},
		{"unmet routes under a met any do not block",
			dgroup("all", unmet, dleaf(unmet, d1), dgroup("any", met, dleaf(met, none), dleaf(unmet, none))), d1},
		{"an unmet any takes its earliest route",
			dgroup("all", unmet, dleaf(unmet, d1), dgroup("any", unmet, dleaf(unmet, none), dleaf(unmet, d2))), d2},
		{"an unmet any whose routes have no date",
			dgroup("all", unmet, dleaf(unmet, d1), dgroup("any", unmet, dleaf(unmet, none), dleaf(unmet, none))), none},
		{"an unmet not has no date", dgroup("all", unmet, dgroup("not", unmet, dleaf(met, none))), none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := earliestMet(&tt.root); got != tt.want {
				t.Errorf("earliestMet = %v, want %v", got, tt.want)
			}
		})
	}
}

// met_on is the first date the check itself holds, also across 29 February.
func TestDateGapMetOn(t *testing.T) {
	leap := huiqi.Date{Year: 2024, Month: 2, Day: 29}
	tests := []struct {
		check string
		reg   huiqi.Date
		asOf  huiqi.Date
		want  huiqi.Date
	}{
		{"registered_on <= as_of - 1年", huiqi.Date{Year: 2025, Month: 9, Day: 1}, asOf, huiqi.Date{Year: 2026, Month: 9, Day: 1}},
		{"registered_on < as_of - 1年", huiqi.Date{Year: 2025, Month: 9, Day: 1}, asOf, huiqi.Date{Year: 2026, Month: 9, Day: 2}},
		{"registered_on <= as_of - 1年", leap, huiqi.Date{Year: 2024, Month: 12, Day: 1}, huiqi.Date{Year: 2025, Month: 3, Day: 1}},
		{"registered_on <= as_of - 4年", leap, huiqi.Date{Year: 2024, Month: 12, Day: 1}, huiqi.Date{Year: 2028, Month: 2, Day: 29}},
		{"registered_on <= as_of - 1月", huiqi.Date{Year: 2026, Month: 1, Day: 31}, huiqi.Date{Year: 2026, Month: 2, Day: 1}, huiqi.Date{Year: 2026, Month: 3, Day: 1}}, // 2026-02-28 − 1月 = 2026-01-28
	}
	for _, tt := range tests {
		s := checkSet(t, tt.check)
		a, err := s.Assess(&huiqi.Enterprise{RegisteredOn: tt.reg}, tt.asOf)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Conditions.MetOn; got != tt.want {
			t.Errorf("%s, registered %s, as of %s: met_on %s, want %s", tt.check, tt.reg, tt.asOf, got, tt.want)
			continue
		}
		for _, d := range []huiqi.Date{tt.want, fromTime(toTime(tt.want).AddDate(0, 0, -1))} {
			v, _ := s.Verdict(&huiqi.Enterprise{RegisteredOn: tt.reg}, d)
			if want := d == tt.want; (v == huiqi.Eligible) != want {
				t.Errorf("%s, registered %s: on %s the check gives %s", tt.check, tt.reg, d, v)
			}
		}
	}
}
