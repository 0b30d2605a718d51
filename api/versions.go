package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// versionList is the body of GET /api/v1/policies/{id}/versions.
type versionList struct {
	ID       string              `json:"id"`
	Versions []huiqi.VersionInfo `json:"versions"`
}

// listVersions answers GET /api/v1/policies/{id}/versions, oldest first.
func (h *handler) listVersions(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	if p.only(); p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	id := r.PathValue("id")
	vs, err := h.store.ListVersions(r.Context(), id)
	if err == nil && len(vs) == 0 {
		err = huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, versionList{ID: id, Versions: vs})
}
