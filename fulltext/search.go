package fulltext

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/huiqi-dev/huiqi"
)

// Search runs a query. Facet counts cover every match; the status facet
// ignores the status filter, so that it can say how many expired or
// superseded policies one click would show.
func (ix *Index) Search(ctx context.Context, q huiqi.SearchQuery) (*huiqi.SearchResult, error) {
	start := time.Now()
	p, err := compile(q)
	if err != nil {
		return nil, err
	}
	key := cacheKey(q, p.today)
	res, gen, ok := ix.cache.get(key)
	if !ok {
		if res, err = ix.search(ctx, q, p, gen); err != nil {
			return nil, err
		}
		ix.cache.put(key, gen, res)
	}
	res.Took = time.Since(start)
	return res, nil
}

// search runs the hits and, unless another page of the same query has
// them, the facets: the status facet beside the hits search.
func (ix *Index) search(ctx context.Context, q huiqi.SearchQuery, p *plan, gen uint64) (*huiqi.SearchResult, error) {
	status, err := ix.statusFilter(q.Status, p.today)
	if err != nil {
		return nil, err
	}
	fkey := facetKey(q, p.today)
	if facets, ok := ix.cache.facets(fkey); ok {
		out, err := ix.hits(ctx, p, status, false)
		if err == nil {
			out.Facets = facets
		}
		return out, err
	}
	var statusFacet []huiqi.FacetCount
	var statusErr error
	var wg sync.WaitGroup
	wg.Go(func() { statusFacet, statusErr = ix.statusFacet(ctx, p.matchAll(), p.today) })
	out, err := ix.hits(ctx, p, status, true)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if statusErr != nil {
		return nil, statusErr
	}
	out.Facets["status"] = statusFacet
	ix.cache.putFacets(fkey, gen, out.Facets)
	return out, nil
}

// hits runs the main search: the page of hits and, with facets, the facets
// but status. Without relevance order nothing is scored.
func (ix *Index) hits(ctx context.Context, p *plan, status query.Query, facets bool) (*huiqi.SearchResult, error) {
	text := p.text
	if p.sort != huiqi.SortRelevance {
		text = p.match
	}
	must := []query.Query{text}
	for _, f := range append([]query.Query{status}, p.filters...) {
		if f != nil {
			must = append(must, neutral(f))
		}
	}
	size, from := p.limit, p.offset
	rerank := p.reranks()
	if rerank {
		size, from = max(p.offset+p.limit, rerankDepth), 0
	}
	res, err := ix.collect(ctx, and(must...), p, size, from, facets)
	if err != nil {
		return nil, err
	}
	out := &huiqi.SearchResult{Total: res.total, Hits: []huiqi.SearchHit{}}
	if facets {
		out.Facets = ix.table.facetsOf(res.counts)
	}
	for _, h := range res.hits {
		hit, err := ix.hitOf(h, p)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	if rerank {
		out.Hits = p.rerank(out.Hits, res.hits)
	}
	// Snippets for the page only: a reordered page fetched more hits.
	clauses := make(map[string]string, len(res.hits))
	for _, h := range res.hits {
		clauses[h.ID], _ = h.Fields[fClauses].(string)
	}
	for i := range out.Hits {
		out.Hits[i].Snippets = snippets(decodeClauses(clauses[out.Hits[i].ID]), p.words, maxSnippets)
	}
	return out, nil
}

// matchAll is the words and the filters, nil when there are none.
func (p *plan) matchAll() query.Query {
	qs := append([]query.Query{}, p.filters...)
	if p.match != nil {
		qs = append(qs, p.match)
	}
	if len(qs) == 0 {
		return nil
	}
	return and(qs...)
}

func (ix *Index) hitOf(h *search.DocumentMatch, p *plan) (huiqi.SearchHit, error) {
	raw, _ := h.Fields[fStored].(string)
	var sd storedDoc
	if err := json.Unmarshal([]byte(raw), &sd); err != nil {
		return huiqi.SearchHit{}, fmt.Errorf("fulltext: stored document %s: %w", h.ID, err)
	}
	hit := sd.Hit
	hit.ID = h.ID
	hit.Score = h.Score
	if hit.Issuers == nil {
		hit.Issuers = []string{}
	}
	hit.Status = statusOf(&sd, ix.sup.isSuperseded(h.ID), p.today)
	return hit, nil
}

// statusOf mirrors huiqi.StatusOf with the superseded state the index knows.
func statusOf(sd *storedDoc, superseded bool, today int) huiqi.PolicyStatus {
	switch {
	case sd.Draft:
		return huiqi.StatusDraft
	case superseded:
		return huiqi.StatusSuperseded
	case !sd.ExpiresOn.IsZero() && dayNumber(sd.ExpiresOn) < today:
		return huiqi.StatusExpired
	}
	return huiqi.StatusInForce
}
