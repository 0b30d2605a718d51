package postgres

import (
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// A facet token is a facet value prefixed by one byte naming its facet, as
// search_docs.facets stores them ('r510105', 'i青羊区科学技术局'): counting
// every facet is then one GROUP BY over the unnested tokens. The status
// token ('s' and the status) and the total ('#') are added by the query.
const (
	tokRegion  = 'r'
	tokIssuer  = 'i'
	tokDocType = 'd'
	tokYear    = 'y'
	tokKind    = 'k'
	tokBenType = 'b'
	tokStatus  = 's'
	tokTotal   = '#'
)

// tokenFacets names the facet of each token prefix.
var tokenFacets = map[byte]string{
	tokRegion: FacetRegion, tokIssuer: FacetIssuer, tokDocType: FacetDocType,
	tokYear: FacetYear, tokKind: FacetMeasureKind, tokBenType: FacetBeneficiaryType, tokStatus: FacetStatus,
}

// facetTokens returns the tokens a policy is counted under; empty values
// are not counted. Issuers keep their repeats, as the issuer facet counts
// each listed issuer. The beneficiary types are one token (benSetToken).
func facetTokens(regionCode, docType string, day huiqi.Date, issuers, kinds, types []string) []string {
	var out []string
	if regionCode != "" {
		out = append(out, token(tokRegion, regionCode))
	}
	if docType != "" {
		out = append(out, token(tokDocType, docType))
	}
	if !day.IsZero() {
		out = append(out, yearToken(day.Year))
	}
	for _, i := range issuers {
		if i != "" {
			out = append(out, token(tokIssuer, i))
		}
	}
	for _, k := range kinds {
		if k != "" {
			out = append(out, token(tokKind, k))
		}
	}
	if b := benSetToken(types); b != "" {
		out = append(out, b)
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func token(prefix byte, value string) string { return string(prefix) + value }

func yearToken(y int) string { return token(tokYear, strconv.Itoa(y)) }
