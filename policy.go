package huiqi

import "encoding/json"

// Policy is one version of a structured policy document. Marshalled as JSON it is
// the policy export format (docs/export.md, the same fields as the evaluation
// schema plus provenance), served by the API and printed by `huiqi export`.
type Policy struct {
	// ID is the stable identity of the document across versions; empty until stored.
	ID string `json:"id,omitempty"`
	// Version counts from 1; 0 until stored.
	Version int `json:"version,omitempty"`

	Title       string   `json:"title"`
	Issuers     []string `json:"issuers"`
	Region      *Region  `json:"region"`
	DocType     string   `json:"doc_type"`
	DocNumber   string   `json:"doc_number"`
	Draft       bool     `json:"draft"`
	IssuedOn    Date     `json:"issued_on"`
	PublishedOn Date     `json:"published_on"`
	// EffectiveOn and ExpiresOn are stated validity dates; EffectiveRule keeps the
	// wording when the start is relative ("自发布之日起施行").
	EffectiveOn   Date   `json:"effective_on"`
	ExpiresOn     Date   `json:"expires_on"`
	EffectiveRule string `json:"effective_rule,omitempty"`
	ValidityText  string `json:"validity_text,omitempty"`
	// Repeals lists the documents this one repeals or replaces, as printed.
	Repeals []Repeal `json:"repeals"`
	// Script is "hans" for Simplified text, "hant" when the original was Traditional.
	Script string `json:"script"`

	Clauses  []Clause       `json:"clauses"`
	Measures []Measure      `json:"measures"`
	Stacking []StackingRule `json:"stacking_rules"`
	Targets  []Target       `json:"targets"`
	Tasks    []Task         `json:"tasks"`

	// Text is the normalised Simplified text all spans refer to.
	Text string `json:"text,omitempty"`
	// OriginalText is the decoded text as published (Traditional stays Traditional);
	// empty when it equals Text.
	OriginalText string `json:"original_text,omitempty"`
	Source       Source `json:"source"`
}

// Region is a GB/T 2260 administrative division.
type Region struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Repeal is a document the policy repeals or replaces.
type Repeal struct {
	Title     string `json:"title,omitempty"`
	DocNumber string `json:"doc_number,omitempty"`
	Text      string `json:"text"`
	Span      Span   `json:"span"`
}

// Source describes the file a policy was extracted from. The bytes themselves
// are kept by the store, addressed by SHA256.
type Source struct {
	FileName string `json:"file_name"`
	Format   string `json:"format"`   // txt, html, docx, pdf, md, jsonl
	Encoding string `json:"encoding"` // utf-8, gb18030, utf-16le, …
	SHA256   string `json:"sha256"`
	Size     int64  `json:"size"`
	// Record is the 1-based line of a JSONL corpus file, 0 otherwise.
	Record int `json:"record,omitempty"`
}

// Span is a half-open byte range [Start, End) in Policy.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Clause is one node of the clause tree, stored flat in document order.
type Clause struct {
	// Path is the stable address of the clause: the labels of its ancestors and
	// itself joined by "/", e.g. "三/(二)/4". A repeated label gets "~2", "~3".
	Path string `json:"path"`
	// Label is the number as written ("第三条", "(二)", "4."); Kind names its style.
	Label string     `json:"label"`
	Kind  ClauseKind `json:"kind"`
	// Number is the ordinal the label denotes (第三条 → 3), 0 for bullets.
	Number  int    `json:"number"`
	Depth   int    `json:"depth"`
	Heading string `json:"heading,omitempty"`
	// Span covers the clause with its descendants; HeadSpan its own text up to the first child.
	Span     Span `json:"span"`
	HeadSpan Span `json:"head_span"`
}

// ClauseKind is the numbering style of a clause.
type ClauseKind string

// Clause numbering styles, outermost first in typical documents.
const (
	ClauseChapter     ClauseKind = "chapter"      // 第一章
	ClauseSection     ClauseKind = "section"      // 第一节
	ClauseArticle     ClauseKind = "article"      // 第一条
	ClauseHan         ClauseKind = "han"          // 一、
	ClauseParenHan    ClauseKind = "paren_han"    // (一)
	ClauseArabic      ClauseKind = "arabic"       // 1. 1、
	ClauseParenArabic ClauseKind = "paren_arabic" // (1)
	ClauseCircled     ClauseKind = "circled"      // ①
	ClauseDash        ClauseKind = "dash"         // ——
)

// MarshalJSON writes the export: an empty 文号 is null, as the format wants.
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	var num *string
	if p.DocNumber != "" {
		num = &p.DocNumber
	}
	return json.Marshal(struct {
		plain
		DocNumber *string `json:"doc_number"`
	}{plain(p), num})
}

// UnmarshalJSON reads the export, accepting a null 文号.
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	var v struct {
		plain
		DocNumber *string `json:"doc_number"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Policy(v.plain)
	if v.DocNumber != nil {
		p.DocNumber = *v.DocNumber
	}
	return nil
}
