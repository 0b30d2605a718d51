package postgres

import (
	"context"
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Facet names, as SearchResult.Facets keys them: the SearchQuery field each
// one narrows.
const (
	FacetRegion      = "region"
	FacetIssuer      = "issuer"
	FacetDocType     = "doc_type"
	FacetYear        = "year"
	FacetMeasureKind = "measure_kind"
	FacetStatus      = "status"
)

var facetNames = []string{FacetRegion, FacetIssuer, FacetDocType, FacetYear, FacetMeasureKind, FacetStatus}

// facetSQL counts the matches once (total) and by each facet, in one
// statement over one materialised scan of the matching rows. %STATUS% and
// %WHERE% take the plan's status expression and WHERE clause. Empty values
// are not counted.
const facetSQL = `WITH m AS MATERIALIZED (
	SELECT d.region_code, d.region_name, d.issuers, d.doc_type, d.year, d.measure_kinds, %STATUS% AS status
	FROM search_docs d%WHERE%)
SELECT '', '', '', count(*) FROM m
UNION ALL SELECT 'region', region_code, min(region_name), count(*) FROM m WHERE region_code <> '' GROUP BY region_code
UNION ALL SELECT 'issuer', i, '', count(*) FROM m, unnest(m.issuers) i WHERE i <> '' GROUP BY i
UNION ALL SELECT 'doc_type', doc_type, '', count(*) FROM m WHERE doc_type <> '' GROUP BY doc_type
UNION ALL SELECT 'year', year::text, '', count(*) FROM m WHERE year IS NOT NULL GROUP BY year
UNION ALL SELECT 'measure_kind', k, '', count(*) FROM m, unnest(m.measure_kinds) k GROUP BY k
UNION ALL SELECT 'status', status, '', count(*) FROM m GROUP BY status`

// facets returns the number of matches and the facet counts over all of
// them, each facet's values by count, most first, then by value.
func (ix *SearchIndex) facets(ctx context.Context, pl *plan) (int, map[string][]huiqi.FacetCount, error) {
	// The placeholders take fixed SQL fragments; every value is a parameter.
	query := strings.NewReplacer("%STATUS%", pl.status, "%WHERE%", pl.whereSQL()).Replace(facetSQL)
	rows, err := ix.db.QueryContext(ctx, query, pl.args[:pl.filterArgs]...)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	total, out := 0, emptyFacets()
	for rows.Next() {
		var facet string
		var fc huiqi.FacetCount
		if err := rows.Scan(&facet, &fc.Value, &fc.Label, &fc.Count); err != nil {
			return 0, nil, err
		}
		if facet == "" {
			total = fc.Count
			continue
		}
		out[facet] = append(out[facet], fc)
	}
	for _, fcs := range out {
		sort.Slice(fcs, func(i, j int) bool {
			if fcs[i].Count != fcs[j].Count {
				return fcs[i].Count > fcs[j].Count
			}
			return fcs[i].Value < fcs[j].Value
		})
	}
	return total, out, rows.Err()
}

// emptyFacets has every facet, with no values.
func emptyFacets() map[string][]huiqi.FacetCount {
	out := make(map[string][]huiqi.FacetCount, len(facetNames))
	for _, f := range facetNames {
		out[f] = []huiqi.FacetCount{}
	}
	return out
}
