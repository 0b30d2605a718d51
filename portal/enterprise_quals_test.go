package portal

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestQualificationOutlook: an enterprise registered ten months ago that
// meets every other condition of 高新技术企业 is told the day it can apply.
func TestQualificationOutlook(t *testing.T) {
	sets, err := qualificationSets()
	if err != nil {
		t.Fatal(err)
	}
	n := func(v int) *int { return &v }
	y := func(v int64) *int64 { return &v }
	yes := true
	e := huiqi.Enterprise{RegionCode: "330402", RegisteredOn: huiqi.Date{Year: 2025, Month: 7, Day: 1},
		Employees: n(100), TechStaff: n(30), CoreIPOwned: &yes, InKeyTechField: &yes, IncidentsLastYear: n(0), InnovationScore: n(80),
		Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: y(30_000_000), RDExpenseYuan: y(3_000_000), RDExpenseDomesticYuan: y(3_000_000),
			HighTechRevenueYuan: y(25_000_000), NetAssetsYuan: y(10_000_000), TotalCostYuan: y(20_000_000), TotalAssetsYuan: y(40_000_000)}},
		Certifications: []huiqi.Certification{}}
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	qs, _ := assessQualifications(sets, &e, asOf)
	for _, q := range qs {
		if q.A.RuleID != "gaoxin" {
			continue
		}
		if q.A.Verdict != huiqi.NotEligible || q.Outlook == nil {
			t.Fatalf("高新技术企业: %s, outlook %+v", q.A.Verdict, q.Outlook)
		}
		if q.Outlook.Earliest.IsZero() || len(q.Ahead) == 0 {
			t.Fatalf("no earliest date or conditions: %+v", q.Outlook)
		}
		var words []string
		for _, l := range q.Ahead {
			words = append(words, l.Label+"："+l.When)
		}
		t.Logf("%s, earliest %s: %s", q.Outlook.Status.Label(), q.Outlook.Earliest, strings.Join(words, " | "))
		if !strings.Contains(strings.Join(words, ""), "2026年7月1日起满足") {
			t.Errorf("the registration age is not said to be met on 2026-07-01: %v", words)
		}
		pg, err := parsePages()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		rp := resultsPage{Saved: &huiqi.SavedProfile{Profile: e}, AsOf: asOf, Quals: []qualView{q}}
		if err := pg.byName["enterprise_results"].Execute(&b, page{Data: rp}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "培育后多久能申报：</strong>按假设可于最早日期符合，最早 <strong>2026年7月1日</strong>") {
			t.Error("the results page does not say when 高新技术企业 can be applied for")
		}
		return
	}
	t.Fatal("no 高新技术企业 among the qualifications")
}
