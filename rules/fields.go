package rules

import "github.com/huiqi-dev/huiqi"

// field is a profile field a rule may name: its label, type and reader.
// get returns false when the profile does not give it.
type field struct {
	label string
	path  string // in the profile format
	typ   typ
	get   func(e *huiqi.Enterprise) (value, bool)
}

// typ is the static type of an expression.
type typ struct {
	kind kind
	unit unit
}

func intField(p func(e *huiqi.Enterprise) *int, u unit) func(e *huiqi.Enterprise) (value, bool) {
	return func(e *huiqi.Enterprise) (value, bool) {
		if n := p(e); n != nil {
			return numInt(int64(*n), u), true
		}
		return value{}, false
	}
}

func boolField(p func(e *huiqi.Enterprise) *bool) func(e *huiqi.Enterprise) (value, bool) {
	return func(e *huiqi.Enterprise) (value, bool) {
		if b := p(e); b != nil {
			return value{kind: kBool, b: *b}, true
		}
		return value{}, false
	}
}

func textField(p func(e *huiqi.Enterprise) string) func(e *huiqi.Enterprise) (value, bool) {
	return func(e *huiqi.Enterprise) (value, bool) {
		s := p(e)
		return value{kind: kText, s: s}, s != ""
	}
}

func ipCount(class1 bool) func(e *huiqi.Enterprise) *int {
	return func(e *huiqi.Enterprise) *int {
		if e.IP == nil {
			return nil
		} else if class1 {
			return e.IP.Class1
		}
		return e.IP.Class2
	}
}

// fields are the profile fields by the name rules use.
var fields = map[string]field{
	"registered_on": {"注册成立日期", "registered_on", typ{kind: kDate}, func(e *huiqi.Enterprise) (value, bool) {
		return value{kind: kDate, date: e.RegisteredOn}, !e.RegisteredOn.IsZero()
	}},
	"employees":           {"职工总数", "employees", typ{kNum, uPeople}, intField(func(e *huiqi.Enterprise) *int { return e.Employees }, uPeople)},
	"tech_staff":          {"科技人员数", "tech_staff", typ{kNum, uPeople}, intField(func(e *huiqi.Enterprise) *int { return e.TechStaff }, uPeople)},
	"ip_class1":           {"Ⅰ类知识产权数", "ip.class1", typ{kNum, uCount}, intField(ipCount(true), uCount)},
	"ip_class2":           {"Ⅱ类知识产权数", "ip.class2", typ{kNum, uCount}, intField(ipCount(false), uCount)},
	"incidents_last_year": {"近一年重大安全、质量事故或严重环境违法行为数", "incidents_last_year", typ{kNum, uCount}, intField(func(e *huiqi.Enterprise) *int { return e.IncidentsLastYear }, uCount)},
	"innovation_score":    {"创新能力自评分", "innovation_score", typ{kNum, uScore}, intField(func(e *huiqi.Enterprise) *int { return e.InnovationScore }, uScore)},
	"core_ip_owned":       {"拥有核心知识产权", "core_ip_owned", typ{kind: kBool}, boolField(func(e *huiqi.Enterprise) *bool { return e.CoreIPOwned })},
	"in_key_tech_field":   {"属于国家重点支持的高新技术领域", "in_key_tech_field", typ{kind: kBool}, boolField(func(e *huiqi.Enterprise) *bool { return e.InKeyTechField })},
	"region_code":         {"注册地", "region_code", typ{kind: kText}, textField(func(e *huiqi.Enterprise) string { return e.RegionCode })},
	"industry_code":       {"行业代码", "industry_code", typ{kind: kText}, textField(func(e *huiqi.Enterprise) string { return e.IndustryCode })},
}

// finField is a yearly financial figure.
type finField struct {
	label string
	get   func(f *huiqi.Financials) *int64
}

// finFields are the yearly financial figures, by their profile name.
var finFields = map[string]finField{
	"revenue_yuan":             {"销售收入", func(f *huiqi.Financials) *int64 { return f.RevenueYuan }},
	"rd_expense_yuan":          {"研发费用", func(f *huiqi.Financials) *int64 { return f.RDExpenseYuan }},
	"rd_expense_domestic_yuan": {"境内研发费用", func(f *huiqi.Financials) *int64 { return f.RDExpenseDomesticYuan }},
	"high_tech_revenue_yuan":   {"高新技术产品（服务）收入", func(f *huiqi.Financials) *int64 { return f.HighTechRevenueYuan }},
	"total_cost_yuan":          {"成本费用总额", func(f *huiqi.Financials) *int64 { return f.TotalCostYuan }},
	"net_assets_yuan":          {"净资产", func(f *huiqi.Financials) *int64 { return f.NetAssetsYuan }},
	"total_assets_yuan":        {"资产总额", func(f *huiqi.Financials) *int64 { return f.TotalAssetsYuan }},
}
