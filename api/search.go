package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// search answers GET /api/v1/search: one page of hits with facet counts.
func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p := &params{v: v}
	if p.only(SearchParams...); p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	q, err := ParseSearchQuery(v)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.index.Search(r.Context(), q)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if res.Hits == nil {
		res.Hits = []huiqi.SearchHit{}
	}
	if res.Facets == nil {
		res.Facets = map[string][]huiqi.FacetCount{}
	}
	writeJSON(w, http.StatusOK, searchPage{SearchResult: res, Offset: q.Offset, Limit: q.Limit})
}

// searchPage is a search result with the page it is.
type searchPage struct {
	*huiqi.SearchResult
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}
