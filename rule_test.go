package huiqi

import (
	"encoding/json"
	"strings"
	"testing"
)

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

func TestLabels(t *testing.T) {
	if Met.Label() != "满足" || Unmet.Label() != "不满足" || Unknown.Label() != "待定" {
		t.Errorf("status labels %s %s %s", Met.Label(), Unmet.Label(), Unknown.Label())
	}
	if Eligible.Label() != "符合" || NotEligible.Label() != "不符合" || Undecided.Label() != "待定（信息不足）" {
		t.Errorf("verdict labels %s %s %s", Eligible.Label(), NotEligible.Label(), Undecided.Label())
	}
}

func TestAssessmentJSONOmitsUnsetDates(t *testing.T) {
	b, err := json.Marshal(Assessment{Conditions: ConditionResult{Status: Met}})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); strings.Contains(s, "met_on") || strings.Contains(s, "earliest_met") {
		t.Errorf("unset dates written: %s", s)
	}
	b, _ = json.Marshal(ConditionResult{MetOn: Date{2026, 9, 1}})
	if !strings.Contains(string(b), `"met_on":"2026-09-01"`) {
		t.Errorf("met_on missing: %s", b)
	}
}
