package api

import (
	"context"
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// getPolicy answers GET /api/v1/policies/{id}: the export of the latest
// version, or of ?version=N.
func (h *handler) getPolicy(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	p.only("version")
	version := p.intIn("version", 0, 1, 1<<30)
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	pol, err := FindPolicy(r.Context(), h.store, r.PathValue("id"), version)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, pol)
}

// FindPolicy returns a version of a policy, the latest when version is 0.
func FindPolicy(ctx context.Context, s huiqi.PolicyStore, id string, version int) (*huiqi.Policy, error) {
	if version == 0 {
		return s.FindPolicy(ctx, id)
	}
	return s.FindPolicyVersion(ctx, id, version)
}
