package huiqi

// Measure is one money support item: one amount of money a beneficiary can get.
// A sentence naming several amounts yields several measures.
type Measure struct {
	// Clause is the innermost clause label, Arabic digits for numbered items ("17", "一");
	// ClausePath is the full Clause.Path.
	Clause      string      `json:"clause"`
	ClausePath  string      `json:"clause_path"`
	Kind        MeasureKind `json:"kind"`
	Beneficiary string      `json:"beneficiary"`
	// AmountYuan is the amount, the upper bound of a range, or the cap of a rate.
	AmountYuan    *int64 `json:"amount_yuan"`
	AmountMinYuan *int64 `json:"amount_min_yuan,omitempty"`
	AmountIsCap   bool   `json:"amount_is_cap"`
	// CapYuan is a separate cap on a per-unit or rate measure (单个企业年度最高10万元).
	CapYuan   *int64 `json:"cap_yuan,omitempty"`
	CapPeriod string `json:"cap_period,omitempty"` // "year", "total", ""
	// Rate is a fraction (0.2 for 20%) of RateBase.
	Rate     *float64 `json:"rate,omitempty"`
	RateBase string   `json:"rate_base,omitempty"`
	// PerUnit names the unit of a per-unit amount ("件", "人", "项").
	PerUnit string `json:"per_unit,omitempty"`
	// Periodicity: "one_time", "annual", or "" when the text does not say.
	Periodicity string `json:"periodicity,omitempty"`
	// TopUpOf is the clause a top-up adds to ("在第5条基础上增加20万元").
	TopUpOf   string `json:"top_up_of,omitempty"`
	Condition string `json:"condition,omitempty"`
	Text      string `json:"text"`
	Span      Span   `json:"span"`
	// AmountSpan is where the amount itself is written.
	AmountSpan Span `json:"amount_span"`
}

// MeasureKind classifies a measure.
type MeasureKind string

// Measure kinds.
const (
	KindSubsidy  MeasureKind = "subsidy"          // 补助 补贴
	KindReward   MeasureKind = "reward"           // 奖励
	KindGrant    MeasureKind = "grant"            // 资助 扶持资金 经费支持
	KindInterest MeasureKind = "interest_subsidy" // 贴息
	KindVoucher  MeasureKind = "voucher"          // 创新券
	KindFund     MeasureKind = "fund"             // 基金 (设立…基金)
	KindLoan     MeasureKind = "loan"             // 贷款 担保
	KindTax      MeasureKind = "tax"              // 税收
	KindInKind   MeasureKind = "in_kind"          // 免租 场地
	KindOther    MeasureKind = "other"
)

// StackingRule is a rule the document states on combining measures.
type StackingRule struct {
	Kind string `json:"kind"` // highest_only (就高不重复), no_duplicate, total_cap, top_up_difference
	// CapYuan is the total cap for total_cap rules.
	CapYuan    *int64 `json:"cap_yuan,omitempty"`
	ClausePath string `json:"clause_path"`
	Text       string `json:"text"`
	Span       Span   `json:"span"`
}

// Target is a quantified goal ("2025年达到220家以上").
type Target struct {
	Clause     string `json:"clause"`
	ClausePath string `json:"clause_path"`
	Indicator  string `json:"indicator"`
	// Value is in base units: yuan for money, persons for 万人, the number for %.
	Value        float64  `json:"value"`
	Unit         string   `json:"unit"`
	Comparator   string   `json:"comparator,omitempty"` // "≥", ">", "≈", "="
	Year         int      `json:"year,omitempty"`
	Baseline     *float64 `json:"baseline,omitempty"`
	BaselineYear int      `json:"baseline_year,omitempty"`
	Text         string   `json:"text"`
	Span         Span     `json:"span"`
}

// Task is a numbered work item with its responsible units.
type Task struct {
	// Clause is the item's number in Arabic digits ("7").
	Clause     string   `json:"clause"`
	ClausePath string   `json:"clause_path"`
	Title      string   `json:"title"`
	LeadUnits  []string `json:"lead_units"`
	// Units lists every responsible unit, leads first.
	Units []string `json:"units"`
	Text  string   `json:"text"`
	Span  Span     `json:"span"`
}
