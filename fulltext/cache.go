package fulltext

import (
	"encoding/json"
	"strconv"
	"sync"

	"github.com/huiqi-dev/huiqi"
)

// cacheSize bounds the results kept; a portal's home page and its common
// searches fit many times over.
const cacheSize = 512

// resultCache keeps recent results until the next write: any Index or
// Delete clears it, so a cached result is always what a search would find.
// Facets over many matches are the slow part of a search, and the same
// searches (the home page, a region's page) come again and again.
type resultCache struct {
	mu    sync.Mutex
	off   bool   // nothing is kept (benchmarks of the uncached work)
	gen   uint64 // writes so far; results of an older generation are dropped
	m     map[string]*huiqi.SearchResult
	order []string // keys, oldest first, for eviction
	// facets are the facets of recent queries whatever their page and
	// order: the next page of a search needs only its hits.
	facetsOf    map[string]map[string][]huiqi.FacetCount
	facetsOrder []string
}

func newResultCache() *resultCache {
	return &resultCache{m: map[string]*huiqi.SearchResult{}, facetsOf: map[string]map[string][]huiqi.FacetCount{}}
}

// facetKey identifies a query's facets: the query without page and order.
func facetKey(q huiqi.SearchQuery, today int) string {
	q.Limit, q.Offset, q.Sort = 0, 0, ""
	return cacheKey(q, today)
}

// facets returns the cached facets of a query. Callers must not change them.
func (c *resultCache) facets(key string) (map[string][]huiqi.FacetCount, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.facetsOf[key]
	return f, ok && !c.off
}

// putFacets keeps a query's facets computed at generation gen.
func (c *resultCache) putFacets(key string, gen uint64, f map[string][]huiqi.FacetCount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || c.off {
		return
	}
	if _, ok := c.facetsOf[key]; ok {
		return
	}
	if len(c.facetsOrder) >= cacheSize {
		delete(c.facetsOf, c.facetsOrder[0])
		c.facetsOrder = c.facetsOrder[1:]
	}
	c.facetsOf[key] = f
	c.facetsOrder = append(c.facetsOrder, key)
}

// key identifies a query on a day (statuses depend on the day).
func cacheKey(q huiqi.SearchQuery, today int) string {
	b, _ := json.Marshal(q) // SearchQuery always marshals
	return strconv.Itoa(today) + string(b)
}

// get returns a copy of a cached result, so callers may change its hits.
func (c *resultCache) get(key string) (*huiqi.SearchResult, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[key]
	if !ok || c.off {
		return nil, c.gen, false
	}
	cp := *r
	cp.Hits = append([]huiqi.SearchHit(nil), r.Hits...)
	return &cp, c.gen, true
}

// put keeps a result computed at generation gen, unless a write came since.
func (c *resultCache) put(key string, gen uint64, r *huiqi.SearchResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || c.off {
		return
	}
	if _, ok := c.m[key]; ok {
		return
	}
	if len(c.order) >= cacheSize {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	cp := *r
	cp.Hits = append([]huiqi.SearchHit(nil), r.Hits...)
	c.m[key] = &cp
	c.order = append(c.order, key)
}

// clear drops every result; called before a write is applied.
func (c *resultCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.m)
	c.order = c.order[:0]
	clear(c.facetsOf)
	c.facetsOrder = c.facetsOrder[:0]
}
