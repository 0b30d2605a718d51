package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// policyList is the body of GET /api/v1/policies.
type policyList struct {
	Total    int                   `json:"total"`
	Offset   int                   `json:"offset"`
	Limit    int                   `json:"limit"`
	Policies []huiqi.PolicySummary `json:"policies"`
}

// listPolicies answers GET /api/v1/policies: latest versions, newest ingest first.
func (h *handler) listPolicies(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	p.only("region", "doc_type", "offset", "limit")
	f := huiqi.PolicyFilter{RegionCode: p.regionCode("region"), DocType: p.text("doc_type", maxText),
		Offset: p.intIn("offset", 0, 0, 1<<30), Limit: p.intIn("limit", 50, 1, 200)}
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	list, total, err := h.store.ListPolicies(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if list == nil {
		list = []huiqi.PolicySummary{}
	}
	writeJSON(w, http.StatusOK, policyList{Total: total, Offset: f.Offset, Limit: f.Limit, Policies: list})
}
