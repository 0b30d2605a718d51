package fulltext

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// storedDoc is what the index keeps of a policy to show a hit without
// reading the store: the hit's fields and what its status depends on. The
// clause texts are stored beside it (fClauses), in a form cheaper to read
// than JSON.
type storedDoc struct {
	Hit       huiqi.SearchHit `json:"hit"`
	Draft     bool            `json:"draft,omitempty"`
	ExpiresOn huiqi.Date      `json:"expires_on"`
}

// clauseText is a clause's own text (up to its first child) by path; the
// preamble before the first clause has the empty path.
type clauseText struct {
	Path string `json:"p"`
	Text string `json:"t"`
}

// row is a policy's table row as indexed.
type row struct {
	n       uint32
	facets  []string
	amount  int64
	date    int32
	version int32
}

// document builds the bleve document of a policy indexed on day today as
// number n, and its table row.
func document(p *huiqi.Policy, today int, n uint32) (map[string]any, row, error) {
	sd := storedDoc{Hit: hitOf(p), Draft: p.Draft, ExpiresOn: p.ExpiresOn}
	blob, err := json.Marshal(sd)
	if err != nil {
		return nil, row{}, err
	}
	d := map[string]any{
		fText:    allText(p),
		fTitle:   p.Title,
		fIssuer:  p.Issuers,
		fState:   stateFinal,
		fAmount:  float64(sd.Hit.MaxAmount),
		fKey:     keysOf(p),
		fRepeals: repealKeys(p),
		fStored:  string(blob),
		fClauses: encodeClauses(clauseTexts(p)),
	}
	life := lifeOf(p, today)
	d[fTier], d[fLife] = life.tier(), life.encode()
	// A draft never expires (StatusOf): only final policies carry the
	// expiry, so a range on it selects final policies too.
	switch {
	case p.Draft:
		d[fState] = stateDraft
	case p.ExpiresOn.IsZero():
		d[fExpires] = float64(noExpiry)
	default:
		d[fExpires] = float64(dayNumber(p.ExpiresOn))
	}
	if day := policyDay(p); !day.IsZero() {
		d[fDate] = float64(dayNumber(day))
		d[fYear] = strconv.Itoa(day.Year)
	}
	if p.DocType != "" { // no empty facet value
		d[fDocType] = p.DocType
	}
	addRegion(d, p.Region)
	addMeasures(d, p.Measures)
	r := row{n: n, facets: facetValues(d), amount: sd.Hit.MaxAmount, version: int32(p.Version)}
	if day := policyDay(p); !day.IsZero() {
		r.date = int32(dayNumber(day))
	}
	d[fN], d[fRow] = nTerm(n), r.encode()
	return d, r, nil
}

// allText is the text query words must match: one field, so a word costs
// one term lookup and one bigram conjunction, whatever field it is in.
func allText(p *huiqi.Policy) string {
	parts := []string{p.Title, p.DocNumber, strings.Join(p.Issuers, " ")}
	for _, m := range p.Measures {
		parts = append(parts, m.Beneficiary)
	}
	return strings.Join(append(parts, p.Text), "\n")
}

func hitOf(p *huiqi.Policy) huiqi.SearchHit {
	return huiqi.SearchHit{
		ID: p.ID, Version: p.Version, Title: p.Title, DocNumber: p.DocNumber,
		DocType: p.DocType, Region: p.Region, Issuers: p.Issuers,
		IssuedOn: p.IssuedOn, PublishedOn: p.PublishedOn, MaxAmount: maxAmount(p),
	}
}

// maxAmount is the largest measure amount (Measure.AmountYuan) in yuan.
func maxAmount(p *huiqi.Policy) int64 {
	var m int64
	for _, ms := range p.Measures {
		if ms.AmountYuan != nil && *ms.AmountYuan > m {
			m = *ms.AmountYuan
		}
	}
	return m
}

// policyDay is the day a policy is dated by: issued, else published.
func policyDay(p *huiqi.Policy) huiqi.Date {
	if !p.IssuedOn.IsZero() {
		return p.IssuedOn
	}
	return p.PublishedOn
}

func dayNumber(d huiqi.Date) int {
	return d.Year*10000 + d.Month*100 + d.Day
}

// addRegion indexes the policy's own region and every region containing it,
// the nation included: "within 510100" is then one term.
func addRegion(d map[string]any, r *huiqi.Region) {
	if r == nil || r.Code == "" {
		return
	}
	d[fRegion] = r.Code
	anc := []string{region.National.Code}
	for _, a := range region.Ancestors(r.Code) {
		if a.Code != region.National.Code {
			anc = append(anc, a.Code)
		}
	}
	if len(anc) == 1 && r.Code != region.National.Code {
		anc = append(anc, r.Code) // a code the table does not know
	}
	d[fRegionAnc] = anc
}

func addMeasures(d map[string]any, ms []huiqi.Measure) {
	var kinds, bens, types []string
	for _, m := range ms {
		if m.Kind != "" && !slices.Contains(kinds, string(m.Kind)) {
			kinds = append(kinds, string(m.Kind))
		}
		if m.Beneficiary != "" {
			bens = append(bens, m.Beneficiary)
		}
		if t := huiqi.BeneficiaryTypeOf(m.Beneficiary); t != "" && !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	d[fKind] = kinds
	d[fBenType] = types
	d[fBeneficiary] = strings.Join(bens, "\n")
}

// clauseTexts cuts the policy text into the preamble and each clause's own
// text, skipping spans that do not fit the text.
func clauseTexts(p *huiqi.Policy) []clauseText {
	text := p.Text
	if len(p.Clauses) == 0 {
		return []clauseText{{Text: text}}
	}
	var out []clauseText
	if s := p.Clauses[0].Span.Start; s > 0 && s <= len(text) {
		if pre := strings.TrimSpace(text[:s]); pre != "" {
			out = append(out, clauseText{Text: pre})
		}
	}
	for _, c := range p.Clauses {
		sp := c.HeadSpan
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		out = append(out, clauseText{Path: c.Path, Text: text[sp.Start:sp.End]})
	}
	return out
}

// Separators of the stored clause list: path, unit separator, text, record
// separator. Control characters the decoder never leaves in text.
const (
	unitSep   = "\x1f"
	recordSep = "\x1e"
)

var ctrlFold = strings.NewReplacer(unitSep, " ", recordSep, " ")

func encodeClauses(cs []clauseText) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(ctrlFold.Replace(c.Path))
		b.WriteString(unitSep)
		b.WriteString(ctrlFold.Replace(c.Text))
		b.WriteString(recordSep)
	}
	return b.String()
}

func decodeClauses(s string) []clauseText {
	var out []clauseText
	for s != "" {
		rec, rest, _ := strings.Cut(s, recordSep)
		path, text, _ := strings.Cut(rec, unitSep)
		out = append(out, clauseText{Path: path, Text: text})
		s = rest
	}
	return out
}

// keysOf returns the keys other policies' repeals can name this one by.
func keysOf(p *huiqi.Policy) []string {
	var keys []string
	if k := numberKey(p.DocNumber); k != "" {
		keys = append(keys, k)
	}
	if k := titleKey(p.Title); k != "" {
		keys = append(keys, k)
	}
	return keys
}

// repealKeys names the documents p repeals: by 文号 when one is printed (a
// title alone is often generic, 关于促进新材料产业发展的若干意见, and
// extraction may pair a 文号 with the wrong title), else by title.
func repealKeys(p *huiqi.Policy) []string {
	var keys []string
	for _, r := range p.Repeals {
		k := numberKey(r.DocNumber)
		if k == "" {
			k = titleKey(r.Title)
		}
		if k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

var bracketFold = strings.NewReplacer(
	"[", "〔", "［", "〔", "【", "〔", "(", "〔", "（", "〔", "﹝", "〔",
	"]", "〕", "］", "〕", "】", "〕", ")", "〕", "）", "〕", "﹞", "〕",
	" ", "", "\t", "",
)

// numberKey normalises a 文号 so that 〔2017〕, [2017] and （2017） agree.
func numberKey(n string) string {
	n = bracketFold.Replace(zhtext.Normalize(strings.TrimSpace(n)))
	if len([]rune(n)) < 4 {
		return ""
	}
	return "n:" + n
}

var titleFold = strings.NewReplacer("《", "", "》", "", "“", "", "”", "", "\"", "", " ", "", "\n", "")

func titleKey(t string) string {
	t = titleFold.Replace(zhtext.Normalize(strings.TrimSpace(t)))
	if len([]rune(t)) < 6 {
		return ""
	}
	return "t:" + t
}
