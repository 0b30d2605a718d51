package fulltext

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
)

// collected is what one pass over a query's matches gives: the page of
// hits with their stored fields, the total, and, when asked, every facet
// value's count by value number.
type collected struct {
	hits   search.DocumentMatchCollection
	total  int
	counts []int32
}

// collect runs q over the index as bleve's own search does, with two
// things bleve's request cannot carry: facets counted from the table and
// the date and amount orders read from it. Both read one small doc-values
// term per match (fN).
func (ix *Index) collect(ctx context.Context, q query.Query, p *plan, size, from int, facets bool) (*collected, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, err
	}
	reader, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	opts := search.SearcherOptions{}
	if p.sort != "relevance" {
		opts.Score = bleve.ScoreNone
	}
	ctx = search.ContextWithTermSearchersCounter(ctx)
	searcher, err := q.Searcher(ctx, reader, ix.bi.Mapping(), opts)
	if err != nil {
		return nil, err
	}
	defer searcher.Close()

	ix.table.mu.RLock()
	defer ix.table.mu.RUnlock()
	coll := collector.NewTopNCollector(size, from, ix.sortOrder(p))
	var fb *tableFacets
	if facets {
		fb = &tableFacets{t: ix.table, counts: make([]int32, len(ix.table.names))}
		fsb := search.NewFacetsBuilder(reader)
		fsb.Add(fN, fb)
		coll.SetFacetsBuilder(fsb)
	}
	if err := coll.Collect(ctx, searcher, reader); err != nil {
		return nil, fmt.Errorf("fulltext: search: %w", err)
	}
	out := &collected{hits: coll.Results(), total: int(coll.Total())}
	if fb != nil {
		out.counts = fb.counts
	}
	fields := &bleve.SearchRequest{Fields: []string{fStored, fClauses}}
	for _, h := range out.hits {
		if err, _ := bleve.LoadAndHighlightFields(h, fields, "", reader, nil); err != nil {
			return nil, fmt.Errorf("fulltext: stored fields of %s: %w", h.ID, err)
		}
	}
	return out, nil
}

// tableFacets is a bleve facet builder that counts, for each match, the
// facet values its table row holds. The table is read-locked by collect.
type tableFacets struct {
	t      *table
	counts []int32
	n      uint32
	ok     bool
}

func (f *tableFacets) StartDoc()                 { f.ok = false }
func (f *tableFacets) UpdateVisitor(term []byte) { f.n, f.ok = parseN(term) }
func (f *tableFacets) Field() string             { return fN }
func (f *tableFacets) Size() int                 { return 0 }

func (f *tableFacets) EndDoc() {
	if !f.ok || int(f.n) >= len(f.t.recs) {
		return
	}
	for _, v := range f.t.recs[f.n].facets {
		if int(v) < len(f.counts) {
			f.counts[v]++
		}
	}
}

// Result is unused: collect reads the counts.
func (f *tableFacets) Result() *search.FacetResult { return &search.FacetResult{Field: fN} }

// sortOrder is the plan's order: by score, or by a key read from the table
// (date; amount then date), newest or largest first. Ties keep the index's
// order of documents (bleve breaks them by the order it met them).
func (ix *Index) sortOrder(p *plan) search.SortOrder {
	switch p.sort {
	case "amount", "date":
		return search.SortOrder{&tableSort{t: ix.table, byAmount: p.sort == "amount"}}
	}
	return search.SortOrder{&search.SortScore{Desc: true}}
}

// tableSort orders by the table's amount or date of each match.
type tableSort struct {
	t        *table
	byAmount bool
	n        uint32
	ok       bool
	reversed bool
}

func (s *tableSort) UpdateVisitor(field string, term []byte) {
	if field == fN {
		s.n, s.ok = parseN(term)
	}
}

// Value is a key that sorts as text: the amount in 19 digits, then the
// date in 8; a policy the table lacks sorts last.
func (s *tableSort) Value(*search.DocumentMatch) string {
	ok, n := s.ok, s.n
	s.ok = false
	if !ok || int(n) >= len(s.t.recs) {
		return ""
	}
	r := s.t.recs[n]
	if s.byAmount {
		return fmt.Sprintf("%019d%08d", max(r.amount, 0), max(r.date, 0))
	}
	return fmt.Sprintf("%08d", max(r.date, 0))
}

func (s *tableSort) DecodeValue(v string) string { return v }
func (s *tableSort) Descending() bool            { return !s.reversed }
func (s *tableSort) RequiresDocID() bool         { return false }
func (s *tableSort) RequiresScoring() bool       { return false }
func (s *tableSort) RequiresFields() []string    { return []string{fN} }
func (s *tableSort) Reverse()                    { s.reversed = !s.reversed }
func (s *tableSort) Copy() search.SearchSort     { c := *s; return &c }
