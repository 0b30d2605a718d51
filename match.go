package huiqi

// MatchStatus is the answer of matching one measure for one enterprise.
type MatchStatus string

// Match statuses (docs/matching.md):
//   - eligible: every condition is met from the profile's data, none rests
//     on a reading of the text that could be wrong, and no declaration
//     awaits the applicant;
//   - likely: nothing is unmet or unknown, but the answer rests on at least
//     one compliance declaration not yet confirmed (未被列入经营异常名录, …:
//     a statement no data can show) or on a proposed condition that is an
//     interpretation (the window of 新认定, …);
//   - not_eligible: a condition is unmet;
//   - unknown: nothing is unmet, and a profile field that would decide is
//     missing, or a fact the applicant has not stated (a requirement of
//     the text no profile field holds: declarations.ID).
const (
	MatchEligible    MatchStatus = "eligible"
	MatchLikely      MatchStatus = "likely"
	MatchNotEligible MatchStatus = "not_eligible"
	MatchUnknown     MatchStatus = "unknown"
)

// Provenance locates a computed answer in its source: the policy, its
// version, the clause and the byte span of the words in Policy.Text.
type Provenance struct {
	PolicyID   string `json:"policy_id"`
	Version    int    `json:"version"`
	ClausePath string `json:"clause_path"`
	Span       Span   `json:"span"`
	Text       string `json:"text,omitempty"`
}

// MatchCondition is one condition of a matched measure with its answer.
type MatchCondition struct {
	ID     string `json:"id,omitempty"`
	Label  string `json:"label"`
	Status Status `json:"status"`
	// Value and Threshold are the value found and what is required, in words.
	Value     string `json:"value,omitempty"`
	Threshold string `json:"threshold,omitempty"`
	// Proposed marks a condition read from the text by machine, not curated;
	// Uncertain marks a proposed reading that is an interpretation.
	Proposed  bool `json:"proposed,omitempty"`
	Uncertain bool `json:"uncertain,omitempty"`
	// Declare marks a compliance declaration the applicant confirms
	// (unconfirmed, it counts as met); Stated a fact the applicant states
	// (unstated, it is unknown). Both are answered in
	// Enterprise.Declarations[ID].
	Declare bool        `json:"declaration,omitempty"`
	Stated  bool        `json:"stated,omitempty"`
	Missing []Field     `json:"missing,omitempty"`
	Source  *Provenance `json:"source,omitempty"`
}

// MatchResult is one measure matched for one enterprise.
type MatchResult struct {
	MeasureID string      `json:"measure_id"`
	Name      string      `json:"name"`
	Policy    string      `json:"policy_title"`
	DocNumber string      `json:"doc_number,omitempty"`
	Status    MatchStatus `json:"status"`
	// Curated is true when a curated rule replaced the proposed conditions.
	Curated bool `json:"curated"`
	// Reasons say why, in words, the deciding conditions first.
	Reasons    []string         `json:"reasons"`
	Conditions []MatchCondition `json:"conditions,omitempty"`
	Amount     *Amount          `json:"amount,omitempty"`
	// NotFunding marks loans, funds and tax measures: listed, never added
	// to the total.
	NotFunding bool       `json:"not_funding,omitempty"`
	Cited      Provenance `json:"cited"`
	Ask        []Field    `json:"ask,omitempty"`
}

// MatchTotal is what an enterprise could receive from its matched measures
// together, under the documents' stacking rules and caps: Min counts the
// eligible measures, Max also the likely and unknown ones.
type MatchTotal struct {
	MinYuan int64       `json:"min_yuan"`
	MaxYuan int64       `json:"max_yuan"`
	Lines   []TotalLine `json:"lines"`
}

// TotalLine is one measure's part of the total, and why when not all of
// its amount counts.
type TotalLine struct {
	MeasureID string `json:"measure_id"`
	MinYuan   int64  `json:"min_yuan"`
	MaxYuan   int64  `json:"max_yuan"`
	Reason    string `json:"reason,omitempty"`
}

// MatchReport is one enterprise matched against every measure in force.
type MatchReport struct {
	AsOf    Date          `json:"as_of"`
	Results []MatchResult `json:"results"`
	Total   MatchTotal    `json:"total"`
	// Counts are by status over every measure in force, the pre-filtered
	// ones included (they are not eligible); Skipped counts measures not
	// meant for enterprises (individuals, financial institutions).
	Counts  map[MatchStatus]int `json:"counts"`
	InForce int                 `json:"in_force"`
	Skipped int                 `json:"skipped"`
	// RegionPending counts the local measures left unknown, and not
	// listed, because the profile gives no region: region_code decides them.
	RegionPending int `json:"region_pending,omitempty"`
	// Ask names the missing profile fields that would decide the most
	// unknown measures, most first: the next questions to ask.
	Ask []Field `json:"ask,omitempty"`
	// Reach lists what opens once the enterprise obtains a national
	// qualification it does not hold yet (培育后可申报); set by callers that
	// assessed the qualifications (match.Matcher.WithinReach).
	Reach []Reach `json:"within_reach,omitempty"`
}

// Reach is what becomes open to an enterprise once it holds a title it
// can obtain: the qualification's verdict today and its outlook, and the
// measures requiring the title, answered as of the date it could hold it
// (newly certified then), with their total.
type Reach struct {
	RuleID  string        `json:"rule_id"`
	Title   string        `json:"title"`
	Verdict Verdict       `json:"verdict"`
	On      Date          `json:"on"`
	Outlook *Outlook      `json:"outlook,omitempty"`
	Results []MatchResult `json:"results"`
	Total   MatchTotal    `json:"total"`
}
