package fulltext

import (
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of an indexed policy.
const (
	fText        = "text" // title, 文号, issuers, beneficiaries and body: what words must match
	fTitle       = "title"
	fBeneficiary = "beneficiary"
	fIssuer      = "issuer"     // keyword, one per issuer: filter and facet
	fRegion      = "region"     // keyword: the policy's own region code
	fRegionAnc   = "region_anc" // keyword: the region and all its ancestors
	fDocType     = "doc_type"
	fYear        = "year"
	fKind        = "kind"     // keyword, one per measure kind
	fBenType     = "ben_type" // keyword, one per beneficiary type of a measure
	fN           = "n"        // keyword with doc values: the policy's number in the table
	fRow         = "row"      // stored: the policy's table row, read on Open
	fState       = "state"    // draft or final
	fTier        = "tier"     // current (draft, or expiring on or after the day indexed) or archive
	fLife        = "life"     // stored: tier, draft, expiry; read on Open (lifecycle)
	fDate        = "date"     // numeric yyyymmdd: issued, else published
	fAmount      = "amount"   // numeric: largest measure amount in yuan
	fExpires     = "expires"  // numeric yyyymmdd, final policies only; 99991231 when none
	fKey         = "key"      // keyword: normalised 文号 and title, stored
	fRepeals     = "repeals"  // keyword: keys of repealed documents, stored
	fStored      = "stored"   // JSON of the hit, stored only
	fClauses     = "clauses"  // clause paths and texts, stored only
	noExpiry     = 99991231
	stateDraft   = "draft"
	stateFinal   = "final"
	textAnalyzer = analyzerName
)

// newMapping describes the one document type. Nothing goes into _all, text
// fields keep no term vectors (a query word matches as the conjunction of its
// bigrams, not as a phrase) and only what a hit shows is stored: the index
// stays a fraction of the corpus size.
func newMapping() *mapping.IndexMappingImpl {
	doc := mapping.NewDocumentStaticMapping()
	for _, f := range []string{fText, fTitle, fBeneficiary} {
		doc.AddFieldMappingsAt(f, textField())
	}
	for _, f := range []string{fIssuer, fRegion, fRegionAnc, fDocType, fYear, fKind, fBenType, fState, fTier} {
		doc.AddFieldMappingsAt(f, keywordField(false, false))
	}
	doc.AddFieldMappingsAt(fN, keywordField(true, false))
	for _, f := range []string{fKey, fRepeals} {
		doc.AddFieldMappingsAt(f, keywordField(false, true))
	}
	for _, f := range []string{fDate, fAmount, fExpires} {
		doc.AddFieldMappingsAt(f, numericField())
	}
	stored := mapping.NewTextFieldMapping()
	stored.Index, stored.Store, stored.IncludeInAll, stored.DocValues = false, true, false, false
	stored.IncludeTermVectors = false
	doc.AddFieldMappingsAt(fStored, stored)
	doc.AddFieldMappingsAt(fClauses, stored)
	doc.AddFieldMappingsAt(fLife, stored)
	doc.AddFieldMappingsAt(fRow, stored)

	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = textAnalyzer
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	return m
}

func textField() *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = textAnalyzer
	f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
	return f
}

func keywordField(docValues, store bool) *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = store, false, false, docValues
	return f
}

func numericField() *mapping.FieldMapping {
	f := mapping.NewNumericFieldMapping()
	f.Store, f.IncludeInAll, f.DocValues = false, false, true
	return f
}
