package profile

import (
	"errors"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func ptr[T any](v T) *T { return &v }

func TestValidateAcceptsUnknown(t *testing.T) {
	t.Parallel()
	for name, e := range map[string]*huiqi.Enterprise{
		"empty":      {},
		"only name":  {Name: "某公司"},
		"empty year": {Financials: []huiqi.Financials{{Year: 2024}}},
		"negative net assets": {Financials: []huiqi.Financials{{Year: 2024,
			NetAssetsYuan: ptr[int64](-300_000), TotalAssetsYuan: ptr[int64](1_000_000)}}},
		"section letter": {IndustryCode: "I", RegionCode: "100000"},
	} {
		if err := Validate(e); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestValidateProblems(t *testing.T) {
	t.Parallel()
	asOf := huiqi.Date{Year: 2026, Month: 11, Day: 22}
	tests := []struct {
		name string
		e    huiqi.Enterprise
		want []string // each "path: words"
	}{
		{"credit code", huiqi.Enterprise{CreditCode: "91440300708461136U"}, []string{"credit_code: 统一社会信用代码校验位（第 18 位）应为 T，实际为 U"}},
		{"region", huiqi.Enterprise{RegionCode: "999999"}, []string{`region_code: 行政区划代码 "999999" 不存在`}},
		{"industry", huiqi.Enterprise{IndustryCode: "3929"}, []string{`industry_code: 行业代码 "3929" 不存在`}},
		{"future registration", huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2027, Month: 1, Day: 1}}, []string{"registered_on: 成立日期 2027-01-01 晚于核查日期 2026-11-22"}},
		{"impossible date", huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2023, Month: 2, Day: 29}}, []string{"registered_on: 成立日期 2023-02-29 不是真实的日期"}},
		{"ancient date", huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 1020, Month: 2, Day: 2}}, []string{"registered_on: 成立日期 1020-02-02 早于 1900 年"}},
		{"counts", huiqi.Enterprise{Employees: ptr(10), TechStaff: ptr(12), IP: &huiqi.IPCounts{Class1: ptr(-1)}, IncidentsLastYear: ptr(-2), InnovationScore: ptr(101)}, []string{
			"tech_staff: 科技人员数 12 多于职工总数 employees 10", "ip.class1: 不能为负数（-1）", "incidents_last_year: 不能为负数（-2）", "innovation_score: 创新能力评分 101 应在 0–100 之间"}},
		{"negative staff", huiqi.Enterprise{Employees: ptr(-1)}, []string{"employees: 不能为负数（-1）"}},
		{"financials", huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2020, Month: 1, Day: 1}, Financials: []huiqi.Financials{
			{Year: 2024, RevenueYuan: ptr[int64](-5)},
			{Year: 2024, RDExpenseYuan: ptr[int64](100), RDExpenseDomesticYuan: ptr[int64](120)},
			{Year: 2019, RevenueYuan: ptr[int64](1_000_000), HighTechRevenueYuan: ptr[int64](1_200_000)},
			{Year: 2027},
			{},
			{Year: 2025, NetAssetsYuan: ptr[int64](50_000), TotalAssetsYuan: ptr[int64](40_000)},
		}}, []string{
			"financials[0].revenue_yuan: 金额不能为负数（-5 元）",
			"financials[1].year: 年度 2024 重复（与 financials[0] 相同）",
			"financials[1].rd_expense_domestic_yuan: 境内研发费用 120 元 高于研发费用总额 rd_expense_yuan 100 元",
			"financials[2].year: 年度 2019 早于成立日期 2020-01-01",
			"financials[2].high_tech_revenue_yuan: 高新技术产品（服务）收入 1200000 元（120.00 万元） 高于营业收入 revenue_yuan 1000000 元（100.00 万元）",
			"financials[3].year: 年度 2027 晚于核查日期 2026-11-22",
			"financials[4].year: 缺少年度",
			"financials[5].net_assets_yuan: 净资产 50000 元（5.00 万元） 高于总资产 total_assets_yuan 40000 元（4.00 万元）",
		}},
		{"certifications", huiqi.Enterprise{Certifications: []huiqi.Certification{
			{Name: " "},
			{Name: "孵化器", Level: "国家级"},
			{Name: "高新技术企业", Since: huiqi.Date{Year: 2024, Month: 12, Day: 6}, Until: huiqi.Date{Year: 2021, Month: 12, Day: 5}},
			{Name: "瞪羚企业", Since: huiqi.Date{Year: 2026, Month: 12, Day: 1}},
			{Name: "众创空间", Until: huiqi.Date{Year: 2025, Month: 13, Day: 1}},
		}}, []string{
			"certifications[0].name: 资质名称为空",
			`certifications[1].level: 级别 "国家级" 无效`,
			"certifications[2].until: 有效期至 2021-12-05 早于取得日期 2024-12-06",
			"certifications[3].since: 取得日期 2026-12-01 晚于核查日期 2026-11-22",
			"certifications[4].until: 有效期至 2025-13-01 不是真实的日期",
		}},
		{"declarations", huiqi.Enterprise{Declarations: map[string]bool{"": true}}, []string{"declarations: 声明编号为空"}},
	}
	for _, tt := range tests {
		err := ValidateAsOf(&tt.e, asOf)
		var ps Problems
		if !errors.As(err, &ps) || len(ps) != len(tt.want) {
			t.Errorf("%s: got %d problems, want %d:\n%v", tt.name, len(ps), len(tt.want), err)
			continue
		}
		for i, w := range tt.want {
			if got := ps[i].String(); !strings.HasPrefix(got, w) {
				t.Errorf("%s: problem %d\n%s\nwant\n%s", tt.name, i, got, w)
			}
		}
		if huiqi.ErrorCode(err) != huiqi.EINVALID || !strings.Contains(huiqi.ErrorMessage(err), tt.want[0]) {
			t.Errorf("%s: code %q message %q", tt.name, huiqi.ErrorCode(err), huiqi.ErrorMessage(err))
		}
	}
}

func TestValidateWithoutAsOfIgnoresTheFuture(t *testing.T) {
	t.Parallel()
	e := &huiqi.Enterprise{RegisteredOn: huiqi.Date{Year: 2030, Month: 1, Day: 1}, Financials: []huiqi.Financials{{Year: 2031}}}
	if err := Validate(e); err != nil {
		t.Error(err)
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	e := &huiqi.Enterprise{
		Name: " 某公司 ", CreditCode: " ９１４４０３００ 708461136t", RegionCode: "51", IndustryCode: "c3921",
		Certifications: []huiqi.Certification{
			{Name: "国家高新技术企业"}, {Name: "省级孵化器"}, {Name: "市级众创空间", Level: huiqi.LevelDistrict}, {Name: "守合同重信用企业", Level: " 市级"},
			{Name: "瞪羚企业", Level: "National"},
		},
	}
	warn := Normalize(e)
	if e.Name != "某公司" || e.CreditCode != "91440300708461136T" || e.RegionCode != "510000" || e.IndustryCode != "3921" {
		t.Errorf("normalised identity: %+v", e)
	}
	want := []huiqi.Certification{{Name: "高新技术企业"}, {Name: "孵化器", Level: huiqi.LevelProvincial}, {Name: "众创空间", Level: huiqi.LevelDistrict},
		{Name: "守合同重信用企业", Level: huiqi.LevelCity}, {Name: "瞪羚企业", Level: huiqi.LevelNational}}
	for i, c := range e.Certifications {
		if c != want[i] {
			t.Errorf("certification %d: %+v; want %+v", i, c, want[i])
		}
	}
	if len(warn) != 2 || warn[0].Path != "certifications[2].level" || warn[1].Path != "certifications[3].name" ||
		!strings.Contains(warn[1].Msg, `"守合同重信用企业" 不在已知列表中`) {
		t.Errorf("warnings: %v", warn)
	}
	if err := Validate(e); err != nil {
		t.Error(err)
	}
}

func TestCheckNamesFileAndLine(t *testing.T) {
	t.Parallel()
	data := "name: 某公司\nemployees: 5\ntech_staff: 9\nfinancials:\n  - year: 2024\n    revenue_yuan: 100\n    high_tech_revenue_yuan: 200\ncertifications:\n  - name: 守合同重信用企业\n"
	e, warn, err := Check("p.yaml", []byte(data), huiqi.Date{})
	if e == nil || err == nil {
		t.Fatalf("Check = %v, %v", e, err)
	}
	want := "p.yaml:3: tech_staff: 科技人员数 9 多于职工总数 employees 5\np.yaml:7: financials[0].high_tech_revenue_yuan: 高新技术产品（服务）收入 200 元 高于营业收入 revenue_yuan 100 元"
	if err.Error() != want {
		t.Errorf("Check error\n%v\nwant\n%s", err, want)
	}
	if len(warn) != 1 || !strings.HasPrefix(warn[0].String(), "p.yaml:9: certifications[0].name: ") {
		t.Errorf("warnings %v", warn)
	}
}
