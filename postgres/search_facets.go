package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// Facet names, as SearchResult.Facets keys them: the SearchQuery field each
// one narrows.
const (
	FacetRegion      = "region"
	FacetIssuer      = "issuer"
	FacetDocType     = "doc_type"
	FacetYear        = "year"
	FacetMeasureKind = "measure_kind"
	// FacetBeneficiaryType counts the types of the measures' beneficiaries
	// (huiqi.BeneficiaryTypeOf): a policy counts once under each type.
	FacetBeneficiaryType = "beneficiary_type"
	FacetStatus          = "status"
)

var facetNames = []string{FacetRegion, FacetIssuer, FacetDocType, FacetYear, FacetMeasureKind, FacetBeneficiaryType, FacetStatus}

// facetSizes is how many values each facet returns, most frequent first
// (the embedded index's sizes); the status facet has four at most.
var facetSizes = map[string]int{FacetRegion: 50, FacetIssuer: 30, FacetDocType: 20, FacetYear: 30, FacetMeasureKind: 20,
	FacetBeneficiaryType: 10}

// kindLabels and statusLabels are the Chinese names shown beside facet values.
var kindLabels = map[string]string{
	"subsidy": "补助", "reward": "奖励", "grant": "资助", "interest_subsidy": "贴息",
	"voucher": "创新券", "fund": "基金", "loan": "贷款担保", "tax": "税收", "in_kind": "场地实物", "other": "其他",
}

var statusLabels = map[string]string{
	string(huiqi.StatusInForce): "现行有效", string(huiqi.StatusExpired): "已失效",
	string(huiqi.StatusDraft): "征求意见稿", string(huiqi.StatusSuperseded): "已废止",
}

// facetSQL counts the matches (total) and every facet in one pass over the
// rows matching every filter but the status: a row of a wanted status
// counts under its facet tokens, the total and its status; any other row
// under its status only, so the statuses hidden by default show how many
// there are. The rows read are narrow (see migration 0003) and values are
// labelled in Go. %STATUS%, %WHERE% and %WANTED% take the plan's status
// expression, WHERE clause without the status and wanted statuses; OFFSET 0
// keeps the status computed once per row.
const facetSQL = `SELECT v, count(*) FROM (
	SELECT unnest(CASE WHEN m.s = ANY(%WANTED%) THEN m.facets || ARRAY['#', 's' || m.s] ELSE ARRAY['s' || m.s] END) v
	FROM (SELECT d.facets, %STATUS% AS s FROM search_docs d%WHERE% OFFSET 0) m) t
GROUP BY v`

// facets returns the number of matches and the facet counts.
func (ix *SearchIndex) facets(ctx context.Context, pl *plan) (int, map[string][]huiqi.FacetCount, error) {
	// The placeholders take fixed SQL fragments; every value is a parameter.
	query := strings.NewReplacer("%STATUS%", pl.status, "%WHERE%", pl.whereSQL(false),
		"%WANTED%", pl.statusArg).Replace(facetSQL)
	total, out := 0, emptyFacets()
	bens := map[string]int{} // by type, added up from the type sets
	err := ix.query(ctx, pl.match != "", query, pl.args[:pl.filterArgs], func(rows *sql.Rows) error {
		var tok string
		var n int
		if err := rows.Scan(&tok, &n); err != nil {
			return err
		}
		switch {
		case tok == string(tokTotal):
			total = n
		case strings.HasPrefix(tok, string(tokBenType)):
			types, err := benSetTypes(tok[1:])
			for _, t := range types {
				bens[t] += n
			}
			return err
		default:
			facet, fc, err := facetCount(tok, n)
			if err != nil {
				return err
			}
			out[facet] = append(out[facet], fc)
		}
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	for t, n := range bens {
		out[FacetBeneficiaryType] = append(out[FacetBeneficiaryType], huiqi.FacetCount{Value: t, Label: huiqi.BeneficiaryLabels[t], Count: n})
	}
	for name, fcs := range out {
		out[name] = ordered(name, fcs)
	}
	return total, out, nil
}

// facetCount names the facet of a token and labels its value.
func facetCount(tok string, n int) (string, huiqi.FacetCount, error) {
	facet, ok := "", false
	if tok != "" {
		facet, ok = tokenFacets[tok[0]]
	}
	if !ok {
		return "", huiqi.FacetCount{}, fmt.Errorf("facet token %q", tok)
	}
	fc := huiqi.FacetCount{Value: tok[1:], Count: n}
	switch facet {
	case FacetRegion:
		if r, ok := region.Lookup(fc.Value); ok {
			fc.Label = r.Name
		}
	case FacetMeasureKind:
		fc.Label = kindLabels[fc.Value]
	case FacetStatus:
		fc.Label = statusLabels[fc.Value]
	}
	return facet, fc, nil
}

// ordered sorts a facet's values: statuses in their fixed order, others by
// count, most first, then by value, cut to the facet's size.
func ordered(name string, fcs []huiqi.FacetCount) []huiqi.FacetCount {
	if name == FacetStatus {
		sort.Slice(fcs, func(i, j int) bool {
			return slices.Index(statusOrder, fcs[i].Value) < slices.Index(statusOrder, fcs[j].Value)
		})
		return fcs
	}
	sort.Slice(fcs, func(i, j int) bool {
		if fcs[i].Count != fcs[j].Count {
			return fcs[i].Count > fcs[j].Count
		}
		return fcs[i].Value < fcs[j].Value
	})
	return fcs[:min(len(fcs), facetSizes[name])]
}

var statusOrder = []string{string(huiqi.StatusInForce), string(huiqi.StatusDraft), string(huiqi.StatusExpired), string(huiqi.StatusSuperseded)}

// emptyFacets has every facet, with no values.
func emptyFacets() map[string][]huiqi.FacetCount {
	out := make(map[string][]huiqi.FacetCount, len(facetNames))
	for _, f := range facetNames {
		out[f] = []huiqi.FacetCount{}
	}
	return out
}
