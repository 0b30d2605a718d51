package huiqi

// Enterprise is what the rules need to know of one enterprise: its profile.
// Every field may be unknown. A nil pointer, a nil slice or an empty string
// means "not given", never zero: a rule that needs a missing field answers
// unknown and names the field, it does not guess.
//
// JSON field names are the profile file format (JSON or YAML) of the CLI,
// the API and the portal form.
type Enterprise struct {
	Name string `json:"name,omitempty"`
	// CreditCode is the 统一社会信用代码 (GB 32100-2015, 18 characters).
	CreditCode string `json:"credit_code,omitempty"`
	// RegionCode is the GB/T 2260 code of where the enterprise is registered.
	RegionCode string `json:"region_code,omitempty"`
	// IndustryCode is a GB/T 4754-2017 code (section letter or 2–4 digits).
	IndustryCode string `json:"industry_code,omitempty"`
	RegisteredOn Date   `json:"registered_on"`
	Employees    *int   `json:"employees"`
	// TechStaff is the number of 科技人员 (S&T staff) in the year.
	TechStaff *int `json:"tech_staff"`
	// Financials are yearly figures, one entry per fiscal year.
	Financials []Financials `json:"financials,omitempty"`
	IP         *IPCounts    `json:"ip"`
	// CoreIPOwned: the enterprise owns the IP core to its main products.
	CoreIPOwned *bool `json:"core_ip_owned"`
	// InKeyTechField: its main products are in 国家重点支持的高新技术领域.
	InKeyTechField *bool `json:"in_key_tech_field"`
	// IncidentsLastYear counts major safety, quality or environmental
	// incidents in the year before application.
	IncidentsLastYear *int            `json:"incidents_last_year"`
	Certifications    []Certification `json:"certifications,omitempty"`
	// InnovationScore is the self-assessed part of the 高新技术企业 创新能力
	// score: 知识产权, 成果转化 and 组织管理, 0–80, optional. The 成长性
	// part (20) is computed from Financials.
	InnovationScore *int `json:"innovation_score"`
	// Declarations are what the applicant has confirmed of the conditions no
	// data can show (not on the 经营异常名录, …), by declaration id.
	Declarations map[string]bool `json:"declarations,omitempty"`
}

// Financials are one fiscal year's figures in whole yuan. A nil field is
// unknown for that year.
type Financials struct {
	Year                  int    `json:"year"`
	RevenueYuan           *int64 `json:"revenue_yuan"`
	RDExpenseYuan         *int64 `json:"rd_expense_yuan"`
	RDExpenseDomesticYuan *int64 `json:"rd_expense_domestic_yuan"`
	HighTechRevenueYuan   *int64 `json:"high_tech_revenue_yuan"`
	TotalCostYuan         *int64 `json:"total_cost_yuan"`
	NetAssetsYuan         *int64 `json:"net_assets_yuan"`
	TotalAssetsYuan       *int64 `json:"total_assets_yuan"`
}

// IPCounts are in-force 知识产权 counts. Class1 (Ⅰ类): invention patents,
// plant varieties, new drugs, IC layout designs…; Class2 (Ⅱ类): utility
// models, designs, software copyrights.
type IPCounts struct {
	Class1 *int `json:"class1"`
	Class2 *int `json:"class2"`
}

// Certification is a title the enterprise holds (高新技术企业, 专精特新中小企业,
// 国家级孵化器, …) with its level and validity.
type Certification struct {
	Name string `json:"name"`
	// Level is national, provincial, city or district; "" when the title has none.
	Level string `json:"level,omitempty"`
	Since Date   `json:"since"`
	Until Date   `json:"until"`
}

// Certification levels.
const (
	LevelNational   = "national"
	LevelProvincial = "provincial"
	LevelCity       = "city"
	LevelDistrict   = "district"
)

// FinancialsFor returns the figures of the given fiscal year, or nil.
func (e *Enterprise) FinancialsFor(year int) *Financials {
	for i := range e.Financials {
		if e.Financials[i].Year == year {
			return &e.Financials[i]
		}
	}
	return nil
}
