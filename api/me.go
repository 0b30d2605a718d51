package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// meBody is the answer of GET /api/v1/me.
type meBody struct {
	User        *huiqi.User               `json:"user"`
	Enterprises []huiqi.EnterpriseBinding `json:"enterprises"`
}

// me answers GET /api/v1/me: the caller, without secrets, and the
// enterprises bound to it.
func (h *handler) me(w http.ResponseWriter, r *http.Request) {
	u, err := h.caller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	bound, err := h.accounts.Enterprises(r.Context(), u.ID)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if bound == nil {
		bound = []huiqi.EnterpriseBinding{}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, meBody{User: u, Enterprises: bound})
}
