package propose

import "github.com/huiqi-dev/huiqi"

// Proposal is the rule proposed for one measure of a policy.
type Proposal struct {
	// ID names the measure: m_<policy id>_<clause key>_<k>, k counting the
	// measures of the clause from 1. Clause is the same without _<k>; a
	// curated rule with either id replaces the proposal.
	ID     string
	Clause string
	Name   string
	Kind   huiqi.MeasureKind
	// Applicant is the measure's beneficiary type (huiqi.BeneficiaryTypeOf).
	Applicant string
	// Region is the GB/T 2260 code the measure applies in, 100000 nationwide.
	Region string
	// From and To bound the policy's validity; zero when not stated.
	From, To  huiqi.Date
	Title     string
	DocNumber string
	Cite      huiqi.Provenance
	// Conds must all hold.
	Conds  []Cond
	Amount Amount
}

// CondKind is the kind of a proposed condition.
type CondKind string

// Condition kinds.
const (
	CondRegion   CondKind = "in_region"     // the enterprise is within Region
	CondCert     CondKind = "certified"     // holds Cert (at Level)
	CondNewCert  CondKind = "certified_new" // holds Cert, certified on or after Since and within a year of as_of
	CondNumber   CondKind = "number"        // Field Op Value
	CondIndustry CondKind = "industry"      // industry code within one of Prefixes (GB/T 4754 codes)
	CondAge      CondKind = "registered"    // registered_on Op as_of − Value months
	CondAny      CondKind = "any"
	CondAll      CondKind = "all"
	// CondDeclare is a generic compliance statement the applicant
	// confirms (未被列入经营异常名录…): unconfirmed, it counts as met and
	// makes the answer likely.
	CondDeclare CondKind = "declare"
	// CondStated is a fact no profile field records, read from the
	// applicant's answer Enterprise.Declarations[ID]: true met, false
	// unmet, absent unknown and asked for (stated("ID", "LABEL")).
	CondStated CondKind = "stated"
)

// Cond is one proposed condition.
type Cond struct {
	ID    string
	Kind  CondKind
	Label string
	// Cert and Level for certified and certified_new; Since is the start
	// of the policy's window (zero: only the year before as_of counts).
	Cert, Level string
	Since       huiqi.Date
	// Field, Op, Value for number: a profile field (revenue_yuan,
	// rd_expense_yuan of the last fiscal year; employees), >=, >, <=, <.
	// For registered: registered_on Op as_of minus Value months.
	Field string
	Op    string
	Value int64
	// Region for in_region; Prefixes for industry; Children for any / all.
	Region   string
	Prefixes []string
	Children []Cond
	// Uncertain marks a reading that is an interpretation of the text.
	Uncertain bool
	// Span is where the words read are in Policy.Text; Text is those words.
	// The region comes from the document's metadata (issuer, title): its
	// condition has the measure's span and the region's name as Text.
	Span huiqi.Span
	Text string
}

// AmountKind is the formula of a proposed amount.
type AmountKind string

// Amount formulas.
const (
	AmountFixed   AmountKind = "fixed"
	AmountRange   AmountKind = "range"
	AmountRate    AmountKind = "rate" // Rate × last(Base), capped at Cap
	AmountUnknown AmountKind = "unknown"
)

// Amount is a proposed award.
type Amount struct {
	Kind     AmountKind
	Min, Max int64 // fixed and range; Cap caps a rate
	// Rate is a decimal fraction as written ("0.35") of Base, a profile
	// money field of the last fiscal year.
	Rate string
	Base string
	Cap  int64
	// Basis says how the amount is reckoned, in words.
	Basis string
	// NotFunding marks loans and funds: listed, never added to a total.
	NotFunding bool
	// Exclusive and CapGroup/CapYuan are the stacking rules the document
	// states (就高不重复; a yearly cap across measures).
	Exclusive string
	CapGroup  string
	CapYuan   int64
}
