package huiqi

// Status is the three-valued answer of a condition or a rule: met, unmet or
// unknown. Missing data makes a condition unknown, never unmet: a nil field
// is not zero.
type Status string

// Condition statuses.
const (
	Met     Status = "met"
	Unmet   Status = "unmet"
	Unknown Status = "unknown"
)

// Label is the status in Chinese, for people: 满足, 不满足, 待定.
func (s Status) Label() string {
	switch s {
	case Met:
		return "满足"
	case Unmet:
		return "不满足"
	}
	return "待定"
}

// Verdict is a qualification's answer for one enterprise.
type Verdict string

// Verdicts of an assessment: the rule's root condition met, unmet or unknown.
const (
	Eligible    Verdict = "eligible"
	NotEligible Verdict = "not_eligible"
	Undecided   Verdict = "unknown"
)

// Label is the verdict in Chinese, for people: 符合, 不符合, 待定（信息不足）.
func (v Verdict) Label() string {
	switch v {
	case Eligible:
		return "符合"
	case NotEligible:
		return "不符合"
	}
	return "待定（信息不足）"
}

// VerdictOf maps the root condition's status to the verdict.
func VerdictOf(s Status) Verdict {
	switch s {
	case Met:
		return Eligible
	case Unmet:
		return NotEligible
	}
	return Undecided
}

// All combines statuses as a conjunction: any unmet → unmet, else any
// unknown → unknown, else met. All of nothing is met.
func All(ss ...Status) Status {
	out := Met
	for _, s := range ss {
		if s == Unmet {
			return Unmet
		} else if s == Unknown {
			out = Unknown
		}
	}
	return out
}

// Any combines statuses as a disjunction: any met → met, else any unknown →
// unknown, else unmet. Any of nothing is unmet.
func Any(ss ...Status) Status {
	out := Unmet
	for _, s := range ss {
		if s == Met {
			return Met
		} else if s == Unknown {
			out = Unknown
		}
	}
	return out
}

// Not negates a status; unknown stays unknown.
func Not(s Status) Status {
	switch s {
	case Met:
		return Unmet
	case Unmet:
		return Met
	}
	return Unknown
}

// Citation cites where a rule comes from: the document, its 文号, the clause,
// and a note of what could not be verified against the official text.
type Citation struct {
	Title  string `json:"title"`
	Number string `json:"number,omitempty"` // 发文字号, e.g. 国科发火〔2016〕32号
	Clause string `json:"clause,omitempty"` // e.g. 第十一条（四）
	URL    string `json:"url,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Assessment is one rule (a qualification or a measure) evaluated for one
// enterprise as of a date: the verdict, every condition explained, the
// declarations to confirm, the questions that would decide an unknown, and
// the amount when the rule gives one.
type Assessment struct {
	RuleID  string   `json:"rule_id"`
	Name    string   `json:"name"`
	Version string   `json:"version"` // the version in force on AsOf
	AsOf    Date     `json:"as_of"`
	Verdict Verdict  `json:"status"`
	Source  Citation `json:"source"`
	// Conditions is the root of the explained condition tree.
	Conditions ConditionResult `json:"conditions"`
	// Declarations lists what the applicant must confirm and has not.
	Declarations []Declaration `json:"declarations,omitempty"`
	// Ask names the missing fields that would decide an unknown verdict,
	// most decisive first: the next questions to ask.
	Ask []Field `json:"ask,omitempty"`
	// Amount is the award when the rule gives one and the verdict is not
	// not_eligible.
	Amount *Amount `json:"amount,omitempty"`
	// EarliestMet is the earliest date at which every unmet date condition
	// (registration age, …) would be met, other things unchanged.
	EarliestMet Date `json:"earliest_met,omitzero"`
	// Outlook says when a rule not met on AsOf could be met, under stated
	// assumptions, and the next application window; nil when not asked for.
	Outlook *Outlook `json:"outlook,omitempty"`
}

// ConditionResult is one evaluated condition: its status and why.
type ConditionResult struct {
	ID     string `json:"id,omitempty"`
	Label  string `json:"label"`
	Kind   string `json:"kind"` // all, any, not, check, declare, in_region
	Status Status `json:"status"`
	Clause string `json:"clause,omitempty"`
	// Value is the value found, in words ("研发费用占比 3.1%"), "" when unknown.
	Value string `json:"value,omitempty"`
	// Threshold is what the condition requires ("≥ 4%").
	Threshold string `json:"threshold,omitempty"`
	// Gap says what is missing to meet it, in words; GapYuan is the money
	// shortfall when the gap is an amount.
	Gap     string `json:"gap,omitempty"`
	GapYuan *int64 `json:"gap_yuan,omitempty"`
	// MetOn is when a date condition becomes met, other things unchanged.
	MetOn Date `json:"met_on,omitzero"`
	// Facts are the values used, by name (e.g. "financials[2025].revenue_yuan").
	Facts []Fact `json:"facts,omitempty"`
	// Missing are the profile fields whose absence makes this unknown.
	Missing []Field `json:"missing,omitempty"`
	// Declaration is set on a condition the applicant confirms.
	Declaration *Declaration      `json:"declaration,omitempty"`
	Note        string            `json:"note,omitempty"`
	Children    []ConditionResult `json:"children,omitempty"`
}

// Fact is one value a condition used, named and in words.
type Fact struct {
	Name  string `json:"name"`
	Label string `json:"label,omitempty"`
	Value string `json:"value"`
}

// Field is a profile field, by its path in the profile format
// ("tech_staff", "financials[2024].rd_expense_yuan"), with its label.
type Field struct {
	Path  string `json:"path"`
	Label string `json:"label,omitempty"`
}

// Declaration is a condition no data can show, which the applicant
// confirms (Enterprise.Declarations[ID]).
type Declaration struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Confirmed bool   `json:"confirmed"`
}

// Amount is an award in whole yuan: a range [Min, Max], equal when fixed.
// When Missing is not empty the amount could not be computed and Min and
// Max are zero.
type Amount struct {
	Min   int64  `json:"min_yuan"`
	Max   int64  `json:"max_yuan"`
	Basis string `json:"basis"` // how it was computed, in words
	// Missing are the fields the amount needs and the profile lacks.
	Missing []Field `json:"missing,omitempty"`
	// Exclusive is the group within which only the highest award counts
	// (就高不重复, 同一事项不重复享受).
	Exclusive string `json:"exclusive,omitempty"`
	// CapGroup and CapYuan: the yearly cap across the measures of a group.
	CapGroup string `json:"cap_group,omitempty"`
	CapYuan  int64  `json:"cap_yuan,omitempty"`
}
