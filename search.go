package huiqi

import (
	"context"
	"time"
)

// SearchIndex finds policies by Chinese full text and facets. Implementations:
// the embedded index (default) and PostgreSQL full text in server mode; one
// suite runs against both. The index holds the latest version of each policy
// and is kept in step with the store by whoever saves (ingest, API).
type SearchIndex interface {
	// Index adds or replaces the policy's entry (its latest version).
	Index(ctx context.Context, p *Policy) error
	// Delete removes a policy; deleting an unknown ID is not an error.
	Delete(ctx context.Context, id string) error
	// Search runs a query; a bad query is EINVALID.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Count returns the number of indexed policies.
	Count(ctx context.Context) (int, error)
	Close() error
}

// SearchQuery is a search with its filters, sort and page. The zero value
// lists everything in force, newest first.
type SearchQuery struct {
	// Text is what the user typed: words, phrases, Traditional or Simplified.
	Text string `json:"q,omitempty"`
	// Region filters by GB/T 2260 code. RegionWithin (the default) keeps
	// policies issued in that region or below it (成都市 includes 青羊区);
	// RegionApplies keeps those that apply there: issued in it, below it, or
	// by any level above it (青羊区 also shows 成都市, 四川省 and national ones).
	Region     string     `json:"region,omitempty"`
	RegionMode RegionMode `json:"region_mode,omitempty"`
	Issuer     string     `json:"issuer,omitempty"`
	DocType    string     `json:"doc_type,omitempty"`
	// Year is the year issued (or published when no issue date is known).
	Year        int    `json:"year,omitempty"`
	MeasureKind string `json:"measure_kind,omitempty"`
	// Beneficiary matches the beneficiary text of any measure (企业, 孵化器, 人才…).
	Beneficiary string `json:"beneficiary,omitempty"`
	// BeneficiaryType keeps policies with a measure for that type of
	// beneficiary (BeneficiaryEnterprise, BeneficiaryCarrier, …).
	BeneficiaryType string `json:"beneficiary_type,omitempty"`
	// MinAmount and MaxAmount bound the largest measure amount, in yuan.
	MinAmount int64 `json:"min_amount,omitempty"`
	MaxAmount int64 `json:"max_amount,omitempty"`
	// Status keeps policies of these statuses; empty means in force and draft
	// (expired and superseded are hidden unless asked for).
	Status []PolicyStatus `json:"status,omitempty"`
	Sort   SearchSort     `json:"sort,omitempty"`
	Offset int            `json:"offset,omitempty"`
	// Limit is the page size; 0 means 20, at most 100.
	Limit int `json:"limit,omitempty"`
	// Now is the day statuses are judged on; zero means today.
	Now time.Time `json:"-"`
}

// RegionMode says how SearchQuery.Region filters.
type RegionMode string

// Region modes.
const (
	RegionWithin  RegionMode = "within"
	RegionApplies RegionMode = "applies"
)

// SearchSort orders results.
type SearchSort string

// Sort orders.
const (
	SortRelevance SearchSort = "relevance" // default when there is text
	SortDate      SearchSort = "date"      // newest first; default without text
	SortAmount    SearchSort = "amount"    // largest measure first
)

// PolicyStatus is whether a policy applies today.
type PolicyStatus string

// Policy statuses.
const (
	StatusInForce    PolicyStatus = "in_force"
	StatusExpired    PolicyStatus = "expired"    // past ExpiresOn
	StatusDraft      PolicyStatus = "draft"      // 征求意见稿
	StatusSuperseded PolicyStatus = "superseded" // repealed by another stored policy
)

// SearchResult is one page of hits with the facet counts of all matches.
type SearchResult struct {
	Total  int                     `json:"total"`
	Hits   []SearchHit             `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
	Took   time.Duration           `json:"took_ns"`
}

// SearchHit is one matching policy with where it matched.
type SearchHit struct {
	ID          string       `json:"id"`
	Version     int          `json:"version"`
	Title       string       `json:"title"`
	DocNumber   string       `json:"doc_number,omitempty"`
	DocType     string       `json:"doc_type,omitempty"`
	Region      *Region      `json:"region,omitempty"`
	Issuers     []string     `json:"issuers"`
	IssuedOn    Date         `json:"issued_on"`
	PublishedOn Date         `json:"published_on"`
	Status      PolicyStatus `json:"status"`
	// MaxAmount is the largest measure amount in yuan, 0 when none.
	MaxAmount int64   `json:"max_amount"`
	Score     float64 `json:"score"`
	// Snippets show the matching clauses, best first.
	Snippets []Snippet `json:"snippets"`
}

// Snippet is a piece of a matching clause with the matched parts marked.
type Snippet struct {
	ClausePath string `json:"clause_path"`
	// Text is the snippet; Marks are byte ranges of Text to highlight.
	Text  string `json:"text"`
	Marks []Span `json:"marks"`
}

// FacetCount is one value of a facet with the number of matching policies.
type FacetCount struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// StatusOf judges a policy's status on a day: draft, expired (its expiry date
// is before the day), else in force. Superseded needs other policies and is
// decided by the index.
func StatusOf(p *Policy, day time.Time) PolicyStatus {
	switch {
	case p.Draft:
		return StatusDraft
	case !p.ExpiresOn.IsZero() && dayOf(p.ExpiresOn).Before(truncDay(day)):
		return StatusExpired
	}
	return StatusInForce
}

func dayOf(d Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
