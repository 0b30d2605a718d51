package postgres

import (
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// searchDoc is a policy as the search tables hold it.
type searchDoc struct {
	id, title, docNumber, docType        string
	version                              int
	regionCode, regionName               string
	regionPath, issuers, facets, repeals []string
	issuedOn, publishedOn, expiresOn     any
	sortDate                             any
	draft                                bool
	beneficiaries                        string
	maxAmount                            int64
	titleKey, numberKey                  string
	terms, head, bens                    string
	clauses                              []searchClause
}

// searchClause is the own text of one clause (its head, up to the first
// child), or the text before the first clause with path "".
type searchClause struct {
	path, text string
}

func newSearchDoc(p *huiqi.Policy) *searchDoc {
	d := &searchDoc{
		id: p.ID, version: p.Version, title: p.Title, docNumber: p.DocNumber, docType: p.DocType,
		issuers: nonNil(p.Issuers), draft: p.Draft, maxAmount: maxAmount(p),
		issuedOn: dateOrNil(p.IssuedOn), publishedOn: dateOrNil(p.PublishedOn), expiresOn: dateOrNil(p.ExpiresOn),
		titleKey: titleKey(p.Title), numberKey: numberKey(p.DocNumber),
	}
	day := sortDay(p)
	if !day.IsZero() {
		d.sortDate = day.String()
	}
	d.regionCode, d.regionName, d.regionPath = regionOf(p.Region)
	kinds, types, bens := measureFacets(p.Measures)
	d.beneficiaries = zhtext.Normalize(bens)
	d.facets = facetTokens(d.regionCode, d.docType, day, d.issuers, kinds, types)
	d.repeals = repealKeysOf(p.Repeals)
	text := zhtext.Terms(p.Text)
	d.terms, d.head = docTerms(p, d.regionName, text)
	d.bens = beneficiaryTerms(p.Measures)
	d.clauses = clauseRows(p)
	return d
}

// sortDay is the day a policy is dated by: issued, else published.
func sortDay(p *huiqi.Policy) huiqi.Date {
	if !p.IssuedOn.IsZero() {
		return p.IssuedOn
	}
	return p.PublishedOn
}

// docTerms weighs the title A, who issued it, where and for whom B, the text
// C, and
// returns all the terms and the A and B ones alone (head). text is
// zhtext.Terms(p.Text).
func docTerms(p *huiqi.Policy, regionName string, text []zhtext.Term) (terms, head string) {
	b := newTSV()
	b.add(p.Title, 'A')
	b.add(strings.Join(p.Issuers, "\n"), 'B')
	b.add(p.DocNumber, 'B')
	b.add(regionName, 'B')
	head = b.String()
	for _, m := range p.Measures {
		b.add(m.Beneficiary, 'B')
	}
	if p.Text == "" {
		// A policy built without its text still finds by its measures.
		var parts []string
		for _, m := range p.Measures {
			parts = append(parts, m.Text)
		}
		text = zhtext.Terms(strings.Join(parts, "\n"))
	}
	b.addTerms(text, 'C')
	return b.String(), head
}

// maxBeneficiaries bounds the beneficiaries in bens, which stays in the row.
const maxBeneficiaries = 32

// beneficiaryTerms is the tsvector of the measures' distinct beneficiaries:
// ranked with length normalisation, a policy whose measures are mostly for
// 孵化器 outranks one that names 孵化器 once among a hundred beneficiaries.
func beneficiaryTerms(ms []huiqi.Measure) string {
	b := newTSV()
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Beneficiary == "" || seen[m.Beneficiary] || len(seen) == maxBeneficiaries {
			continue
		}
		seen[m.Beneficiary] = true
		b.add(m.Beneficiary, 'A')
	}
	return b.String()
}

// regionOf returns the code, name and path (national first, the region
// last) of a policy's region; all empty when it has none.
func regionOf(r *huiqi.Region) (code, name string, path []string) {
	if r == nil || r.Code == "" {
		return "", "", []string{}
	}
	code, name = r.Code, r.Name
	path = []string{region.National.Code}
	anc := region.Ancestors(r.Code)
	for _, a := range anc {
		if a.Code != region.National.Code {
			path = append(path, a.Code)
		}
	}
	if len(anc) == 0 {
		if code != region.National.Code {
			path = append(path, code) // a code the table does not know
		}
		return code, name, path
	}
	self := anc[len(anc)-1]
	if name == "" {
		name = self.Name
	}
	return self.Code, name, path // six digits, whatever the policy wrote
}

// maxAmount is the largest amount of any measure, 0 when none states one.
func maxAmount(p *huiqi.Policy) int64 {
	var m int64
	for _, ms := range p.Measures {
		if ms.AmountYuan != nil && *ms.AmountYuan > m {
			m = *ms.AmountYuan
		}
	}
	return m
}

// measureFacets returns the distinct measure kinds and beneficiary types
// (huiqi.BeneficiaryTypeOf, as the embedded index sorts them), each sorted,
// and the beneficiary texts joined by newlines.
func measureFacets(ms []huiqi.Measure) (kinds, types []string, bens string) {
	kinds, types = []string{}, []string{}
	var texts []string
	for _, m := range ms {
		if k := string(m.Kind); k != "" && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
		if t := huiqi.BeneficiaryTypeOf(m.Beneficiary); t != "" && !slices.Contains(types, t) {
			types = append(types, t)
		}
		if m.Beneficiary != "" {
			texts = append(texts, m.Beneficiary)
		}
	}
	slices.Sort(kinds)
	slices.Sort(types)
	return kinds, types, strings.Join(texts, "\n")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// clauseRows cuts the text into the rows snippets are taken from. Clauses
// with a span outside the text are skipped.
func clauseRows(p *huiqi.Policy) []searchClause {
	var rows []searchClause
	add := func(path string, s huiqi.Span) {
		if s.Start < 0 || s.End > len(p.Text) || s.Start >= s.End {
			return
		}
		if t := strings.TrimSpace(p.Text[s.Start:s.End]); t != "" {
			rows = append(rows, searchClause{path: path, text: t})
		}
	}
	first := len(p.Text)
	if len(p.Clauses) > 0 {
		first = min(first, max(p.Clauses[0].Span.Start, 0))
	}
	add("", huiqi.Span{Start: 0, End: first})
	for _, c := range p.Clauses {
		add(c.Path, c.HeadSpan)
	}
	return rows
}
