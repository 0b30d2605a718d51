package huiqi

// OutlookStatus says whether and how a rule not met today could be met.
type OutlookStatus string

// Outlook statuses.
const (
	// OutlookEligible: met on the evaluation date.
	OutlookEligible OutlookStatus = "eligible"
	// OutlookReachable: met on Earliest by time passing (registration age,
	// fiscal years closing) with the figures projected under the assumption.
	OutlookReachable OutlookStatus = "reachable"
	// OutlookWithNeeds: not met under the assumption within the horizon, but
	// met on Earliest if the figures reach what the conditions' Need say.
	OutlookWithNeeds OutlookStatus = "reachable_with_needs"
	// OutlookUndecided: no condition is unmet from Earliest on (the
	// conditions' needs met, when they have any), but some depend on data
	// the profile lacks (Decide) or on expert scores.
	OutlookUndecided OutlookStatus = "unknown"
	// OutlookNotReachable: neither time nor the projected figures meet it
	// within the horizon (a condition needs another kind of change).
	OutlookNotReachable OutlookStatus = "not_reachable"
)

// Label is the status in Chinese, for people.
func (s OutlookStatus) Label() string {
	switch s {
	case OutlookEligible:
		return "现在即符合"
	case OutlookReachable:
		return "按假设可于最早日期符合"
	case OutlookWithNeeds:
		return "需达到下列数额方可符合"
	case OutlookNotReachable:
		return "仅靠时间和增长无法符合"
	}
	return "取决于尚缺的信息"
}

// Outlook is when a rule not met on the evaluation date could be met
// ("培育后多久能申报成功"): time passes (registration age, fiscal years
// closing, data of more years), the financial figures of years to come are
// projected under a stated assumption, and everything else stays as on the
// evaluation date.
type Outlook struct {
	Status OutlookStatus `json:"status"`
	// Earliest is the first date the rule is met (reachable, eligible), would
	// be met with the needs (reachable_with_needs), or has no unmet
	// condition left (unknown); zero for not_reachable.
	Earliest Date `json:"earliest,omitzero"`
	// Growth names the assumption: last_year (each figure grows at its last
	// year's rate) or none (each figure stays at its last year's value).
	Growth string `json:"growth"`
	// Assumptions state the assumption in words, with the rates used.
	Assumptions []string `json:"assumptions"`
	// Horizon is the last date looked at.
	Horizon Date `json:"horizon"`
	// Conditions are the conditions not met on the evaluation date (the
	// unmet routes of a met or unknown `any` left out), each with when it
	// could be met or what it needs.
	Conditions []ConditionOutlook `json:"conditions,omitempty"`
	// Possible is, when earlier than a reachable Earliest, the first date no
	// condition is unmet: the rule is met from then if what Decide names
	// turns out so.
	Possible Date `json:"possible,omitzero"`
	// Decide names the missing fields that would decide an unknown outlook
	// (or make Possible the earliest date).
	Decide []Field `json:"decide,omitempty"`
	// Window is the next application window on or after Earliest.
	Window *Window `json:"window,omitempty"`
}

// ConditionOutlook is when one condition could be met.
type ConditionOutlook struct {
	ID     string `json:"id,omitempty"`
	Label  string `json:"label"`
	Status Status `json:"status"` // on the evaluation date
	// MetOn is the first date it is met under the assumption; zero when not
	// within the horizon.
	MetOn Date `json:"met_on,omitzero"`
	// LostOn is, for a condition met today, the first date the projection
	// no longer meets it (a growth score falling, a size limit passed).
	LostOn Date `json:"lost_on,omitzero"`
	// Value and Threshold are those of MetOn or LostOn (projected figures
	// included).
	Value     string `json:"value,omitempty"`
	Threshold string `json:"threshold,omitempty"`
	// Reason says why on MetOn, or what it takes.
	Reason string `json:"reason"`
	// Need is what a figure must reach in the coming fiscal year when the
	// projection does not meet the condition.
	Need *Need `json:"need,omitempty"`
	// Missing are the fields that would decide it when it stays unknown.
	Missing []Field `json:"missing,omitempty"`
}

// Need is what one yearly figure must reach for a condition to be met.
type Need struct {
	Field         string `json:"field"` // financials[2026].rd_expense_yuan
	Label         string `json:"label"` // 2026年研发费用
	Year          int    `json:"year"`
	ProjectedYuan int64  `json:"projected_yuan"` // under the assumption
	RequiredYuan  int64  `json:"required_yuan"`  // the least that meets it
	// MetOn is when the condition would be met: the day after the fiscal
	// year closes.
	MetOn Date `json:"met_on"`
}

// Window is an application window (申报窗口) of a rule in a region.
type Window struct {
	Name   string `json:"name"`   // 2027年第一批
	Region string `json:"region"` // GB/T 2260 code; 100000 nationwide
	Opens  Date   `json:"opens"`
	Closes Date   `json:"closes"`
	// Default marks a configurable default, not a date an authority published.
	Default bool   `json:"default"`
	Note    string `json:"note,omitempty"`
}
