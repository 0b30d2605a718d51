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
