package rules

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// checkSet makes a one-check rule set.
func checkSet(t *testing.T, check string) *Set {
	t.Helper()
	src := fmt.Sprintf(`id: t
name: 测试
kind: qualification
source: {title: 测试}
versions:
  - version: "1"
    effective_from: 2000-01-01
    let:
      rd_ratio: {label: 研发费用占比, expr: last(rd_expense_yuan) / last(revenue_yuan)}
    tables:
      scores:
        rows:
          - {min: 10%%, score: [9, 10]}
          - {over: 0, score: [1, 2]}
          - {score: 0}
    when:
      id: c
      check: %s
`, check)
	s, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var asOf = huiqi.Date{Year: 2026, Month: 5, Day: 1}

func i64(n int64) *int64 { return &n }
func ip(n int) *int      { return &n }

// fin gives 2025's revenue and R&D.
func fin(revenue, rd *int64) *huiqi.Enterprise {
	return &huiqi.Enterprise{Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: revenue, RDExpenseYuan: rd}}}
}

func assess(t *testing.T, check string, e *huiqi.Enterprise) huiqi.ConditionResult {
	t.Helper()
	a, err := checkSet(t, check).Assess(e, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return a.Conditions
}

func TestCheckStatus(t *testing.T) {
	tests := []struct {
		name, check string
		e           *huiqi.Enterprise
		want        huiqi.Status
	}{
		{"6% of revenue meets ≥ 6%", "rd_ratio >= 6%", fin(i64(33333300), i64(1999998)), huiqi.Met},
		{"one yuan short", "rd_ratio >= 6%", fin(i64(33333300), i64(1999997)), huiqi.Unmet},
		{"exact thirds", "rd_ratio >= 1/3", fin(i64(3), i64(1)), huiqi.Met},
		{"missing revenue is unknown, not zero", "rd_ratio >= 6%", fin(nil, i64(1)), huiqi.Unknown},
		{"missing R&D is unknown, not zero", "last(rd_expense_yuan) <= 100万元", fin(i64(1), nil), huiqi.Unknown},
		{"missing year is unknown", "last(revenue_yuan) >= 0元", &huiqi.Enterprise{}, huiqi.Unknown},
		{"zero revenue: division by zero is unknown", "rd_ratio >= 6%", fin(i64(0), i64(1)), huiqi.Unknown},
		{"5000万 within ≤ 5000万元", "last(revenue_yuan) <= 5000万元", fin(i64(50000000), nil), huiqi.Met},
		{"range wholly above", "band(scores, rd_ratio) >= 9分", fin(i64(10), i64(1)), huiqi.Met},
		{"range straddles", "band(scores, rd_ratio) >= 10分", fin(i64(10), i64(1)), huiqi.Unknown},
		{"range wholly below", "band(scores, rd_ratio) >= 3分", fin(i64(100), i64(1)), huiqi.Unmet},
		{"default row", "band(scores, rd_ratio) == 0分", fin(i64(100), i64(0)), huiqi.Met},
		{"registered exactly one year", "registered_on <= as_of - 1年", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2025, Month: 5, Day: 1}}, huiqi.Met},
		{"registered a day late", "registered_on <= as_of - 1年", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2025, Month: 5, Day: 2}}, huiqi.Unmet},
		{"no registration date", "registered_on <= as_of - 1年", &huiqi.Enterprise{}, huiqi.Unknown},
		{"region within province", `within("370000")`, &huiqi.Enterprise{RegionCode: "370102"}, huiqi.Met},
		{"region elsewhere", `within("370000")`, &huiqi.Enterprise{RegionCode: "110101"}, huiqi.Unmet},
		{"nationwide without region", `within("100000")`, &huiqi.Enterprise{}, huiqi.Met},
		{"industry within a section", `industry_in("C")`, &huiqi.Enterprise{IndustryCode: "3921"}, huiqi.Met},
		{"industry within a division", `industry_in("C", "65")`, &huiqi.Enterprise{IndustryCode: "6513"}, huiqi.Met},
		{"industry elsewhere", `industry_in("C")`, &huiqi.Enterprise{IndustryCode: "6513"}, huiqi.Unmet},
		{"no certifications given", `certified("高新技术企业")`, &huiqi.Enterprise{}, huiqi.Unknown},
		{"certifications given, none held", `certified("高新技术企业")`, &huiqi.Enterprise{Certifications: []huiqi.Certification{}}, huiqi.Unmet},
		{"certification expired", `certified("高新技术企业")`, &huiqi.Enterprise{Certifications: []huiqi.Certification{{Name: "高新技术企业", Until: huiqi.Date{Year: 2026, Month: 4, Day: 30}}}}, huiqi.Unmet},
		{"never certified is not newly certified", `certified_since("高新技术企业") >= 2025-01-01`, &huiqi.Enterprise{Certifications: []huiqi.Certification{}}, huiqi.Unmet},
		{"if on unknown", "if(core_ip_owned, 1分, 0分) >= 1分", &huiqi.Enterprise{}, huiqi.Unknown},
		{"min of two", "min(tech_staff, employees) >= 5人", &huiqi.Enterprise{TechStaff: ip(5), Employees: ip(50)}, huiqi.Met},
		{"max of two", "max(tech_staff, employees) <= 5人", &huiqi.Enterprise{TechStaff: ip(5), Employees: ip(50)}, huiqi.Unmet},
		{"years counts fiscal years operated", "years(3) == 2", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2024, Month: 7, Day: 1}}, huiqi.Met},
		{"years needs the registration date", "years(3) >= 1", &huiqi.Enterprise{}, huiqi.Unknown},
		{"negation", "-last(revenue_yuan) < 0元", fin(i64(5), nil), huiqi.Met},
		{"date after", "registered_on > 2020-01-01", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2020, Month: 1, Day: 2}}, huiqi.Met},
		{"date before", "registered_on < 2020-01-01", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2020, Month: 1, Day: 1}}, huiqi.Unmet},
		{"date equal", "registered_on == 2020-01-01", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2020, Month: 1, Day: 1}}, huiqi.Met},
		{"date not equal", "registered_on != 2020-01-01", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2020, Month: 1, Day: 1}}, huiqi.Unmet},
		{"date plus a month", "registered_on + 1月 <= as_of", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2026, Month: 4, Day: 1}}, huiqi.Met},
		{"yes/no equality", "core_ip_owned == false", &huiqi.Enterprise{CoreIPOwned: new(bool)}, huiqi.Met},
		{"text equality", `industry_code != "C"`, &huiqi.Enterprise{IndustryCode: "I65"}, huiqi.Met},
		{"range minus a range", "band(scores, rd_ratio) - band(scores, rd_ratio) >= 0分", fin(i64(10), i64(1)), huiqi.Unknown},
		{"range times two", "band(scores, rd_ratio) * 2 >= 18分", fin(i64(10), i64(1)), huiqi.Met},
		{"range divided", "band(scores, rd_ratio) / 2 <= 5分", fin(i64(10), i64(1)), huiqi.Met},
		{"division by a range containing zero", "1分 / (band(scores, rd_ratio) - 1分) >= 0", fin(i64(100), i64(1)), huiqi.Unknown},
		{"range equality undecided", "band(scores, rd_ratio) == 9分", fin(i64(10), i64(1)), huiqi.Unknown},
		{"range inequality decided", "band(scores, rd_ratio) != 3分", fin(i64(10), i64(1)), huiqi.Met},
		{"growth over three years", "growth(revenue_yuan) >= 30%", &huiqi.Enterprise{Financials: []huiqi.Financials{
			{Year: 2023, RevenueYuan: i64(100)}, {Year: 2024, RevenueYuan: i64(130)}, {Year: 2025, RevenueYuan: i64(169)}}}, huiqi.Met},
		{"growth with a year missing", "growth(revenue_yuan) >= 0", &huiqi.Enterprise{Financials: []huiqi.Financials{
			{Year: 2024, RevenueYuan: i64(130)}, {Year: 2025, RevenueYuan: i64(169)}}}, huiqi.Unknown},
		{"between: a whole range decides when all of it does", "innovation_score + between(0分, 20分) >= 50分", &huiqi.Enterprise{InnovationScore: ip(50)}, huiqi.Met},
		{"between: undecided when it straddles", "innovation_score + between(0分, 20分) >= 60分", &huiqi.Enterprise{InnovationScore: ip(50)}, huiqi.Unknown},
		{"bounded: known value", "bounded(innovation_score, 0分, 80分) >= 60分", &huiqi.Enterprise{InnovationScore: ip(50)}, huiqi.Unmet},
		{"bounded: missing, decided by its bounds", "bounded(innovation_score, 0分, 80分) + 20分 < 101分", &huiqi.Enterprise{}, huiqi.Met},
		{"bounded: missing, undecided", "bounded(innovation_score, 0分, 80分) >= 60分", &huiqi.Enterprise{}, huiqi.Unknown},
		{"prior year", "prior(revenue_yuan, 1) == 130元", &huiqi.Enterprise{Financials: []huiqi.Financials{{Year: 2024, RevenueYuan: i64(130)}}}, huiqi.Met},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := assess(t, tt.check, tt.e)
			if r.Status != tt.want {
				t.Errorf("%s: %s, want %s (%s %s %s %v)", tt.check, r.Status, tt.want, r.Value, r.Threshold, r.Note, r.Missing)
			}
		})
	}
}

func TestGapInWords(t *testing.T) {
	tests := []struct {
		name, check string
		e           *huiqi.Enterprise
		gap         string
		yuan        int64
	}{
		// 3.1% of 2,000万 = 62万; 4% needs 80万: 18万 more.
		{"ratio: the numerator's shortfall", "rd_ratio >= 4%", fin(i64(20000000), i64(620000)), "2025年研发费用需再增加 18 万元", 180000},
		{"rounded up to the yuan", "rd_ratio >= 4%", fin(i64(33333333), i64(1000000)), "2025年研发费用需再增加 33.33 万元", 333334},
		{"money: the shortfall", "last(revenue_yuan) >= 1亿元", fin(i64(99000000), nil), "2025年销售收入需再增加 100 万元", 1000000},
		{"money: the excess", "last(revenue_yuan) <= 2亿元", fin(i64(250000000), nil), "2025年销售收入需减少 5000 万元", -50000000},
		{"strict: more than the difference", "last(revenue_yuan) > 1亿元", fin(i64(99000000), nil), "2025年销售收入需再增加超过 100 万元", 1000000},
		{"strict at the boundary", "last(revenue_yuan) > 1亿元", fin(i64(100000000), nil), "2025年销售收入需高于当前值", 0},
		{"a score table: what its input needs", "band(scores, rd_ratio) >= 9分", fin(i64(20000000), i64(1000000)),
			"研发费用占比需 ≥ 10%（band(scores, rd_ratio)方可达 9 分～10 分）：2025年研发费用需再增加 100 万元", 1000000},
		{"people rounded up", "tech_staff / employees >= 10%", &huiqi.Enterprise{TechStaff: ip(9), Employees: ip(95)}, "科技人员数需再增加 1 人", 0},
		{"date: when it is met", "registered_on <= as_of - 1年", &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2025, Month: 9, Day: 1}}, "还需 123 天（2026-09-01 起满足）", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := assess(t, tt.check, tt.e)
			if r.Status != huiqi.Unmet || r.Gap != tt.gap {
				t.Errorf("%s: %s, gap %q, want %q", tt.check, r.Status, r.Gap, tt.gap)
			}
			if tt.yuan != 0 && (r.GapYuan == nil || *r.GapYuan != tt.yuan) {
				t.Errorf("gap_yuan %v, want %d", r.GapYuan, tt.yuan)
			}
		})
	}
}

func TestExplanation(t *testing.T) {
	r := assess(t, "rd_ratio >= 4%", fin(i64(20000000), i64(620000)))
	if r.Value != "研发费用占比 3.1%" || r.Threshold != "需 ≥ 4%" {
		t.Errorf("value %q threshold %q", r.Value, r.Threshold)
	}
	var names []string
	for _, f := range r.Facts {
		names = append(names, f.Name+"="+f.Value)
	}
	want := "financials[2025].rd_expense_yuan=62 万元 financials[2025].revenue_yuan=2000 万元 rd_ratio=3.1%"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("facts %s, want %s", got, want)
	}
	r = assess(t, "rd_ratio >= 4%", fin(nil, nil))
	if len(r.Missing) != 2 || r.Missing[0].Path != "financials[2025].rd_expense_yuan" || r.Missing[1].Path != "financials[2025].revenue_yuan" {
		t.Errorf("missing %v", r.Missing)
	}
}

func TestGrowthRate(t *testing.T) {
	rat := func(ns ...int64) []*big.Rat {
		var out []*big.Rat
		for _, n := range ns {
			out = append(out, big.NewRat(n, 1))
		}
		return out
	}
	tests := []struct {
		name string
		in   []*big.Rat
		want string
	}{
		{"three years", rat(100, 130, 169), "3/10"},
		{"two years", rat(100, 150), "1/2"},
		{"one year", rat(100), "0"},
		{"zero first year: the last two", rat(0, 100, 120), "1/5"},
		{"zero second year", rat(100, 0, 120), "0"},
		{"decline", rat(100, 80, 64), "-1/5"},
	}
	for _, tt := range tests {
		if got := growthRate(tt.in).RatString(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := func(y, m, dd int) huiqi.Date { return huiqi.Date{Year: y, Month: m, Day: dd} }
	tests := []struct {
		from huiqi.Date
		dur  duration
		sign int
		want huiqi.Date
	}{
		{d(2024, 2, 29), duration{years: 1}, -1, d(2023, 2, 28)},
		{d(2026, 5, 1), duration{years: 1}, -1, d(2025, 5, 1)},
		{d(2026, 1, 31), duration{months: 1}, 1, d(2026, 2, 28)},
		{d(2026, 1, 15), duration{months: 13}, -1, d(2024, 12, 15)},
		{d(2026, 3, 1), duration{days: 1}, -1, d(2026, 2, 28)},
	}
	for _, tt := range tests {
		if got := addDur(tt.from, tt.dur, tt.sign); got != tt.want {
			t.Errorf("%s %+d×%+v = %s, want %s", tt.from, tt.sign, tt.dur, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v    value
		want string
	}{
		{numInt(860000, uMoney), "86 万元"},
		{numInt(9999, uMoney), "9999 元"},
		{numInt(250000000, uMoney), "2.5 亿元"},
		{num(big.NewRat(31, 1000), uRatio), "3.1%"},
		{num(big.NewRat(2, 3), uRatio), "66.67%"},
		{value{kind: kNum, unit: uScore, lo: big.NewRat(69, 1), hi: big.NewRat(71, 1)}, "69 分～71 分"},
		{value{kind: kBool, b: false}, "否"},
		{value{kind: kDate}, "无"},
	}
	for _, tt := range tests {
		if got := format(tt.v); got != tt.want {
			t.Errorf("format = %q, want %q", got, tt.want)
		}
	}
}
