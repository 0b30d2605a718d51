package rules

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func outlookOf(t *testing.T, s *Set, e *huiqi.Enterprise, a Assumption) *huiqi.Outlook {
	t.Helper()
	o, err := s.Outlook(e, asOf, a)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestOutlookNeed(t *testing.T) {
	tests := []struct {
		name, check string
		e           *huiqi.Enterprise
		want        int64 // required yuan of 2026's figure; 0: no need
	}{
		{"an amount", "last(rd_expense_yuan) >= 100万元", fin(i64(1), i64(500000)), 1000000},
		{"a ratio, exact at the boundary", "rd_ratio >= 6%", fin(i64(10000000), i64(100000)), 600000},
		{"a strict ratio needs one yuan more", "rd_ratio > 6%", fin(i64(10000000), i64(100000)), 600001},
		{"a ratio with a third", "rd_ratio >= 1/3", fin(i64(10), i64(1)), 4},
		{"through a score table", "band(scores, rd_ratio) >= 9分", fin(i64(1000), i64(1)), 100},
		{"two figures on the left: no single lever", "last(rd_expense_yuan) + last(revenue_yuan) >= 100万元", fin(i64(1), i64(1)), 0},
		{"a limit from above is not a need", "last(revenue_yuan) <= 1元", fin(i64(2), i64(1)), 0},
		{"unknown figure: no need", "last(rd_expense_yuan) >= 100万元", fin(i64(1), nil), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := outlookOf(t, checkSet(t, tt.check), tt.e, Assumption{Growth: GrowthNone})
			if len(o.Conditions) != 1 {
				t.Fatalf("conditions %+v", o.Conditions)
			}
			n := o.Conditions[0].Need
			switch {
			case tt.want == 0 && n != nil:
				t.Errorf("need %+v, want none", n)
			case tt.want != 0 && (n == nil || n.RequiredYuan != tt.want):
				t.Errorf("need %+v, want %d (%s)", n, tt.want, o.Conditions[0].Reason)
			case n != nil && (n.Year != 2026 || n.MetOn != (huiqi.Date{Year: 2027, Month: 1, Day: 1}) || !strings.HasPrefix(n.Field, "financials[2026].")):
				t.Errorf("need %+v: want 2026's figure, met on 2027-01-01", n)
			case n != nil && (o.Status != huiqi.OutlookWithNeeds || o.Earliest != huiqi.Date{Year: 2027, Month: 1, Day: 1}):
				t.Errorf("status %s earliest %s, want reachable_with_needs on 2027-01-01", o.Status, o.Earliest)
			case n == nil && o.Status != huiqi.OutlookNotReachable && o.Status != huiqi.OutlookUndecided:
				t.Errorf("status %s, want not_reachable or unknown", o.Status)
			}
		})
	}
}

func TestOutlookStatuses(t *testing.T) {
	met := outlookOf(t, checkSet(t, "last(rd_expense_yuan) >= 1元"), fin(i64(1), i64(1)), Assumption{})
	if met.Status != huiqi.OutlookEligible || met.Earliest != asOf || met.Conditions != nil {
		t.Errorf("met now: %+v", met)
	}
	reg := outlookOf(t, checkSet(t, "registered_on <= as_of - 1年"), &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2025, Month: 9, Day: 1}}, Assumption{})
	if reg.Status != huiqi.OutlookReachable || reg.Earliest != (huiqi.Date{Year: 2026, Month: 9, Day: 1}) || reg.Conditions[0].Reason != "还需 123 天（2026-09-01 起满足）" {
		t.Errorf("registration: %+v", reg)
	}
	unk := outlookOf(t, checkSet(t, "tech_staff >= 10人"), &huiqi.Enterprise{}, Assumption{})
	if unk.Status != huiqi.OutlookUndecided || unk.Earliest != asOf || len(unk.Decide) != 1 || unk.Decide[0].Path != "tech_staff" ||
		!strings.HasPrefix(unk.Conditions[0].Reason, "取决于尚缺的信息：科技人员数（tech_staff）") {
		t.Errorf("unknown: %+v", unk)
	}
	staff := outlookOf(t, checkSet(t, "tech_staff >= 10人"), &huiqi.Enterprise{TechStaff: ip(9)}, Assumption{Years: 2})
	if staff.Status != huiqi.OutlookNotReachable || !staff.Earliest.IsZero() || staff.Horizon != (huiqi.Date{Year: 2028, Month: 12, Day: 31}) ||
		staff.Conditions[0].Reason != "按假设至 2028-12-31 仍不满足：科技人员数需再增加 1 人" {
		t.Errorf("staff: %+v", staff)
	}
	// Growth at last year's rate: 100 → 150 (+50%) → 225 → 337.5: ≥ 300 from 2028-01-01.
	grow := &huiqi.Enterprise{Financials: []huiqi.Financials{{Year: 2024, RDExpenseYuan: i64(100)}, {Year: 2025, RDExpenseYuan: i64(150)}}}
	g := outlookOf(t, checkSet(t, "last(rd_expense_yuan) >= 300元"), grow, Assumption{})
	if g.Status != huiqi.OutlookReachable || g.Earliest != (huiqi.Date{Year: 2028, Month: 1, Day: 1}) ||
		g.Conditions[0].Reason != "2027 会计年度结束后（含按假设预计的数据）：2027年研发费用 337 元，需 ≥ 300 元" {
		t.Errorf("growth: %+v", g)
	}
	if _, err := checkSet(t, "tech_staff >= 1人").Outlook(&huiqi.Enterprise{}, asOf, Assumption{Growth: "x"}); err == nil {
		t.Error("an invalid assumption is accepted")
	}
}

func TestOutlookLostAndStopped(t *testing.T) {
	// Revenue ≤ 500 now (400) but growing 33%: 533 in 2026, unmet from 2027-01-01.
	s := checkSet(t, "last(revenue_yuan) <= 500元")
	s.Versions[0].spec.When = &condSpec{kind: "all", children: []*condSpec{s.Versions[0].spec.When, {ID: "reg", kind: "check", check: mustExpr(t, "registered_on <= as_of - 2年")}}}
	e := &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2025, Month: 1, Day: 1},
		Financials: []huiqi.Financials{{Year: 2024, RevenueYuan: i64(300)}, {Year: 2025, RevenueYuan: i64(400)}}}
	o := outlookOf(t, s, e, Assumption{})
	var lost *huiqi.ConditionOutlook
	for i := range o.Conditions {
		if o.Conditions[i].ID == "c" {
			lost = &o.Conditions[i]
		}
	}
	if o.Status != huiqi.OutlookNotReachable || lost == nil || !strings.HasPrefix(lost.Reason, "按假设 2027-01-01 起不再满足：2026年销售收入 533 元，需 ≤ 500 元") {
		t.Errorf("lost: %+v", o)
	}
	// No growth: met when registered two years, 2027-01-01.
	if o := outlookOf(t, s, e, Assumption{Growth: GrowthNone}); o.Status != huiqi.OutlookReachable || o.Earliest != (huiqi.Date{Year: 2027, Month: 1, Day: 1}) {
		t.Errorf("no growth: %+v", o)
	}
	// A version that ends: the look ahead stops and says so.
	s.Versions[0].To = huiqi.Date{Year: 2026, Month: 12, Day: 31}
	o = outlookOf(t, s, e, Assumption{Growth: GrowthNone})
	if o.Status != huiqi.OutlookNotReachable || !strings.Contains(strings.Join(o.Assumptions, "\n"), "规则自 2027-01-01 起没有有效版本") {
		t.Errorf("stopped: %+v", o)
	}
}

func mustExpr(t *testing.T, src string) *exprSrc {
	t.Helper()
	n, err := parseExpr(src)
	if err != nil {
		t.Fatal(err)
	}
	return &exprSrc{text: src, n: n}
}

// A fiscal year before the registration year does not exist: it is not
// asked for; the outlook says from when the condition can be judged.
func TestOutlookYearsBeforeRegistration(t *testing.T) {
	young := &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2026, Month: 2, Day: 1}}
	a, err := checkSet(t, "last(rd_expense_yuan) >= 1元").Assess(young, asOf)
	if err != nil {
		t.Fatal(err)
	}
	c := a.Conditions
	if c.Status != huiqi.Unknown || len(c.Missing) != 0 || !strings.Contains(c.Note, "2025 年企业尚未成立，尚无该会计年度") {
		t.Errorf("before registration: %s missing %v note %q", c.Status, c.Missing, c.Note)
	}
	o := outlookOf(t, checkSet(t, "last(rd_expense_yuan) >= 1元"), young, Assumption{})
	if o.Status != huiqi.OutlookUndecided || o.Earliest != (huiqi.Date{Year: 2027, Month: 1, Day: 1}) ||
		o.Conditions[0].Reason != "2027-01-01 起（2026 会计年度结束后）可以评价，取决于：2026年研发费用（financials[2026].rd_expense_yuan）" ||
		!strings.HasPrefix(o.Assumptions[0], "企业 2026 年成立，尚无完整的会计年度：填报 2026 年财务数据（可先填预计数）") {
		t.Errorf("outlook %+v", o)
	}
	// With an estimate of 2026 given, 2027-01-01 judges it from the estimate.
	young.Financials = []huiqi.Financials{{Year: 2026, RDExpenseYuan: i64(5)}}
	o = outlookOf(t, checkSet(t, "last(rd_expense_yuan) >= 1元"), young, Assumption{})
	if o.Status != huiqi.OutlookReachable || o.Earliest != (huiqi.Date{Year: 2027, Month: 1, Day: 1}) || o.Conditions[0].Reason != "2026 会计年度结束后：2026年研发费用 5 元，需 ≥ 1 元" {
		t.Errorf("with an estimate: %+v", o)
	}
}

func TestLacksYear(t *testing.T) {
	noYear := huiqi.ConditionResult{Kind: "check", Status: huiqi.Unknown, Note: "2025 年企业尚未成立，" + noFiscalYear}
	data := huiqi.ConditionResult{Kind: "check", Status: huiqi.Unknown}
	met := huiqi.ConditionResult{Kind: "check", Status: huiqi.Met}
	tests := []struct {
		name string
		r    huiqi.ConditionResult
		want bool
	}{
		{"a leaf without its year", noYear, true},
		{"a leaf wanting data", data, false},
		{"all: one without its year", dgroup("all", huiqi.Unknown, met, data, noYear), true},
		{"any: another route wants data only", dgroup("any", huiqi.Unknown, data, noYear), false},
		{"any: every route without its year", dgroup("any", huiqi.Unknown, noYear, noYear), true},
		{"a met group does not wait", dgroup("any", huiqi.Met, met, noYear), false},
	}
	for _, tt := range tests {
		if got := lacksYear(&tt.r); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
