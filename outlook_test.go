package huiqi

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestOutlookJSON(t *testing.T) {
	b, err := json.Marshal(Assessment{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "outlook") {
		t.Errorf("an assessment without outlook writes one: %s", b)
	}
	o := Outlook{Status: OutlookReachable, Earliest: Date{2027, 1, 1}, Growth: "last_year", Horizon: Date{2031, 12, 31},
		Conditions: []ConditionOutlook{{ID: "rd", Status: Unmet, Need: &Need{Field: "financials[2026].rd_expense_yuan", Year: 2026, ProjectedYuan: 1, RequiredYuan: 2, MetOn: Date{2027, 1, 1}}}},
		Window:     &Window{Name: "2027年第一批", Region: "100000", Opens: Date{2027, 5, 1}, Closes: Date{2027, 6, 30}, Default: true}}
	b, _ = json.Marshal(o)
	for _, want := range []string{`"status":"reachable"`, `"earliest":"2027-01-01"`, `"growth":"last_year"`, `"horizon":"2031-12-31"`,
		`"required_yuan":2`, `"projected_yuan":1`, `"opens":"2027-05-01"`, `"default":true`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("outlook JSON lacks %s: %s", want, b)
		}
	}
	for _, unset := range []string{"possible", `"met_on":null`, "decide"} {
		if strings.Contains(string(b), unset) {
			t.Errorf("outlook JSON writes unset %s: %s", unset, b)
		}
	}
	if OutlookWithNeeds.Label() == OutlookNotReachable.Label() || OutlookStatus("x").Label() != "取决于尚缺的信息" {
		t.Error("labels")
	}
}
