package huiqi

import "testing"

func TestStatusCombinators(t *testing.T) {
	tests := []struct {
		name     string
		in       []Status
		all, any Status
	}{
		{"empty", nil, Met, Unmet},
		{"all met", []Status{Met, Met}, Met, Met},
		{"one unmet", []Status{Met, Unmet, Unknown}, Unmet, Met},
		{"unknown with met", []Status{Met, Unknown}, Unknown, Met},
		{"unknown with unmet", []Status{Unknown, Unmet}, Unmet, Unknown},
		{"all unmet", []Status{Unmet, Unmet}, Unmet, Unmet},
		{"all unknown", []Status{Unknown}, Unknown, Unknown},
	}
	for _, tt := range tests {
		if got := All(tt.in...); got != tt.all {
			t.Errorf("%s: All = %s, want %s", tt.name, got, tt.all)
		}
		if got := Any(tt.in...); got != tt.any {
			t.Errorf("%s: Any = %s, want %s", tt.name, got, tt.any)
		}
	}
}

func TestNotAndVerdict(t *testing.T) {
	for s, want := range map[Status]Status{Met: Unmet, Unmet: Met, Unknown: Unknown} {
		if got := Not(s); got != want {
			t.Errorf("Not(%s) = %s, want %s", s, got, want)
		}
	}
	for s, want := range map[Status]Verdict{Met: Eligible, Unmet: NotEligible, Unknown: Undecided} {
		if got := VerdictOf(s); got != want {
			t.Errorf("VerdictOf(%s) = %s, want %s", s, got, want)
		}
	}
}
