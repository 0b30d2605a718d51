package fulltext

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
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
		if res, err = ix.search(ctx, q, p); err != nil {
			return nil, err
		}
		ix.cache.put(key, gen, res)
	}
	res.Took = time.Since(start)
	return res, nil
}

// search runs the hits and the status facet side by side.
func (ix *Index) search(ctx context.Context, q huiqi.SearchQuery, p *plan) (*huiqi.SearchResult, error) {
	sup := ix.sup.superseded()
	status, err := statusQuery(q.Status, sup, p.today)
	if err != nil {
		return nil, err
	}
	var statusFacet []huiqi.FacetCount
	var statusErr error
	var wg sync.WaitGroup
	wg.Go(func() { statusFacet, statusErr = ix.statusFacet(ctx, p, sup) })
	out, err := ix.hits(ctx, p, status)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if statusErr != nil {
		return nil, statusErr
	}
	out.Facets["status"] = statusFacet
	return out, nil
}

// hits runs the main search: the page of hits and the facets but status.
func (ix *Index) hits(ctx context.Context, p *plan, status query.Query) (*huiqi.SearchResult, error) {
	req := bleve.NewSearchRequestOptions(p.base(status), p.limit, p.offset, false)
	req.SortBy(p.bleveSort())
	req.Fields = []string{fStored, fClauses}
	addFacets(req)
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("fulltext: search: %w", err)
	}
	out := &huiqi.SearchResult{Total: int(res.Total), Hits: []huiqi.SearchHit{}, Facets: facetsOf(res)}
	for _, h := range res.Hits {
		hit, err := ix.hitOf(h, p)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// base is the text query and the filters, plus extra (the status filter).
func (p *plan) base(extra ...query.Query) query.Query {
	must := append([]query.Query{}, p.filters...)
	if p.text != nil {
		must = append(must, p.text)
	}
	must = append(must, extra...)
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
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
	clauses, _ := h.Fields[fClauses].(string)
	hit.Snippets = snippets(decodeClauses(clauses), p.words, maxSnippets)
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
