package portal

import (
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
)

// fieldKind says how a form field is read and shown.
type fieldKind int

const (
	kindText fieldKind = iota
	kindInt
	kindMoney
	kindDate
	kindYesNo
	kindRegion
	kindIndustry
)

// question is one field of the 我的企业 form. Path is its profile path and
// the input's name; need is the name rules.Needs gives the field ("" for
// fields asked whatever the rules read: the name and credit code).
type question struct {
	Path, Label, Hint, Unit string
	Kind                    fieldKind
	need                    string
}

// allQuestions are the profile fields the form can ask, in its order.
var allQuestions = []question{
	{Path: "name", Label: "企业名称", Kind: kindText},
	{Path: "credit_code", Label: "统一社会信用代码", Hint: "18 位，营业执照上的代码", Kind: kindText},
	{Path: "region_code", Label: "注册地", Hint: "区县名称（如 成都市青羊区）或 6 位行政区划代码", Kind: kindRegion, need: "region_code"},
	{Path: "industry_code", Label: "所属行业", Hint: "国民经济行业分类代码（如 I6513）或行业名称", Kind: kindIndustry, need: "industry_code"},
	{Path: "registered_on", Label: "注册成立日期", Hint: "如 2019-03-08", Kind: kindDate, need: "registered_on"},
	{Path: "employees", Label: "职工总数", Unit: "人", Hint: "当年在职、兼职和临时聘用人员（全年累计工作 183 天以上）", Kind: kindInt, need: "employees"},
	{Path: "tech_staff", Label: "科技人员数", Unit: "人", Hint: "直接从事研发和相关技术创新活动，以及专门从事上述活动管理和提供直接技术服务的人员", Kind: kindInt, need: "tech_staff"},
	{Path: "ip.class1", Label: "Ⅰ类知识产权数", Unit: "项", Hint: "有效的发明专利、植物新品种、国家新药、集成电路布图设计等", Kind: kindInt, need: "ip.class1"},
	{Path: "ip.class2", Label: "Ⅱ类知识产权数", Unit: "项", Hint: "有效的实用新型专利、外观设计专利、软件著作权等", Kind: kindInt, need: "ip.class2"},
	{Path: "core_ip_owned", Label: "拥有对主要产品（服务）发挥核心支持作用的知识产权的所有权", Kind: kindYesNo, need: "core_ip_owned"},
	{Path: "in_key_tech_field", Label: "主要产品（服务）的核心技术属于《国家重点支持的高新技术领域》", Kind: kindYesNo, need: "in_key_tech_field"},
	{Path: "incidents_last_year", Label: "近一年发生的重大安全、重大质量事故或严重环境违法行为", Unit: "起", Hint: "没有请填 0", Kind: kindInt, need: "incidents_last_year"},
	{Path: "innovation_score", Label: "高新技术企业创新能力自评分", Unit: "分", Hint: "知识产权、科技成果转化能力、研究开发组织管理水平三项，0–80 分；成长性 20 分由财务数据计算", Kind: kindInt, need: "innovation_score"},
}

// moneyQuestions are the figures asked for each of the last three fiscal
// years; Path is the key within financials[YEAR].
var moneyQuestions = []question{
	{Path: "revenue_yuan", Label: "销售收入（营业收入）", Unit: "元", Kind: kindMoney},
	{Path: "rd_expense_yuan", Label: "研发费用", Unit: "元", Kind: kindMoney},
	{Path: "rd_expense_domestic_yuan", Label: "其中：境内研发费用", Unit: "元", Kind: kindMoney},
	{Path: "high_tech_revenue_yuan", Label: "高新技术产品（服务）收入", Unit: "元", Kind: kindMoney},
	{Path: "total_cost_yuan", Label: "成本费用总额", Unit: "元", Kind: kindMoney},
	{Path: "net_assets_yuan", Label: "净资产", Unit: "元", Kind: kindMoney},
	{Path: "total_assets_yuan", Label: "资产总额", Unit: "元", Kind: kindMoney},
}

// matchReads are the fields matching reads of the proposed conditions of
// extracted measures (package propose), besides what the rule sets need.
var matchReads = []string{"region_code", "industry_code", "employees", "financials.revenue_yuan", "financials.rd_expense_yuan", "certifications"}

// formSpec is what the form asks: the questions the rules need.
type formSpec struct {
	Fields []question // in allQuestions order
	Money  []question // per fiscal year
	Decls  []question // declarations to confirm: Path declarations.ID, yes/no
	Stated []question // facts the applicant states (stated() in the rules), yes/no
	Certs  []string   // certification names offered
}

// newFormSpec keeps the questions that the qualification sets or matching
// read, and finds the declarations the sets ask with their labels.
func newFormSpec(sets []*rules.Set) formSpec {
	need := map[string]bool{}
	certs := profile.CertificationNames()
	for _, f := range matchReads {
		need[f] = true
	}
	for _, s := range sets {
		n := s.Needs()
		for _, f := range n.Fields {
			need[f] = true
		}
		for _, c := range n.Certifications {
			if !slices.Contains(certs, c) {
				certs = append(certs, c)
			}
		}
	}
	var fs formSpec
	for _, q := range allQuestions {
		if q.need == "" || need[q.need] {
			fs.Fields = append(fs.Fields, q)
		}
	}
	for _, q := range moneyQuestions {
		if need["financials."+q.Path] {
			fs.Money = append(fs.Money, q)
		}
	}
	fs.Decls, fs.Stated = declarationQuestions(sets)
	fs.Certs = certs
	return fs
}

// declarationQuestions are the declarations to confirm and the facts to
// state that the sets ask, labelled as the sets label them: what an
// assessment of an empty profile lists (its declarations, and
// declarations.ID among the missing fields).
func declarationQuestions(sets []*rules.Set) (decls, stated []question) {
	seen := map[string]bool{}
	add := func(list *[]question, id, label string) {
		if !seen[id] {
			seen[id] = true
			*list = append(*list, question{Path: "declarations." + id, Label: label, Kind: kindYesNo})
		}
	}
	for _, s := range sets {
		a, err := s.Assess(&huiqi.Enterprise{}, huiqi.Date{Year: 2026, Month: 1, Day: 1})
		if err != nil {
			continue // no version in force on that day: nothing to ask of it
		}
		walkConditions(a.Conditions, func(c huiqi.ConditionResult) {
			if c.Declaration != nil {
				add(&decls, c.Declaration.ID, c.Declaration.Label)
			}
			for _, m := range c.Missing {
				if id, ok := strings.CutPrefix(m.Path, "declarations."); ok {
					add(&stated, id, m.Label)
				}
			}
		})
	}
	return decls, stated
}

func walkConditions(c huiqi.ConditionResult, f func(huiqi.ConditionResult)) {
	f(c)
	for _, ch := range c.Children {
		walkConditions(ch, f)
	}
}

// qualificationSets are the embedded national qualification sets.
func qualificationSets() ([]*rules.Set, error) { return national.Qualifications() }
