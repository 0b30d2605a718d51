package rules_test

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

const statedRule = `
id: stated_example
name: 直通条件示例
kind: qualification
region: "100000"
source: {title: 示例, number: 示例〔2020〕1号}
versions:
  - version: "1"
    effective_from: 2020-01-01
    when:
      any:
        - id: award
          check: stated("national_sci_award_5y_top3", "近五年内获得过国家级科技奖励且排名前三")
        - id: big
          check: employees >= 1000人
`

// TestStated: a stated fact is met when true, unmet when false, and
// unknown (and asked for) when absent, never met by silence.
func TestStated(t *testing.T) {
	s, err := rules.Parse("example.yaml", []byte(statedRule))
	if err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	few := 10
	tests := []struct {
		name   string
		decl   map[string]bool
		want   huiqi.Verdict
		status huiqi.Status
	}{
		{"true", map[string]bool{"national_sci_award_5y_top3": yes}, huiqi.Eligible, huiqi.Met},
		{"false", map[string]bool{"national_sci_award_5y_top3": no}, huiqi.NotEligible, huiqi.Unmet},
		{"absent", nil, huiqi.Undecided, huiqi.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &huiqi.Enterprise{Employees: &few, Declarations: tt.decl}
			a, err := s.Assess(e, huiqi.Date{Year: 2025, Month: 5, Day: 1})
			if err != nil {
				t.Fatal(err)
			}
			if a.Verdict != tt.want {
				t.Errorf("verdict %s, want %s", a.Verdict, tt.want)
			}
			award := a.Conditions.Children[0]
			if award.Status != tt.status {
				t.Errorf("award %s, want %s", award.Status, tt.status)
			}
			if tt.decl == nil && (len(a.Ask) == 0 || a.Ask[0].Path != "declarations.national_sci_award_5y_top3") {
				t.Errorf("ask %v, want the fact first", a.Ask)
			}
		})
	}
}

// TestStatedChecked: the id must be a rule id and a label is required.
func TestStatedChecked(t *testing.T) {
	for _, bad := range []string{`stated("Award", "获奖")`, `stated("award", "")`, `stated("award")`} {
		src := strings.Replace(statedRule, `stated("national_sci_award_5y_top3", "近五年内获得过国家级科技奖励且排名前三")`, bad, 1)
		if _, err := rules.Parse("example.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "stated") {
			t.Errorf("%s: error %v, want one naming stated", bad, err)
		}
	}
}
