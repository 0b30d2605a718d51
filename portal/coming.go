package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// comingPage is the data of a feature that is not built yet.
type comingPage struct {
	Label     string
	PolicyURL string
}

// coming answers GET /coming/{feature}: says plainly that the feature is not
// available yet, and gives no estimate or verdict in its place.
func (h *handler) coming(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("feature")
	for _, f := range features {
		if f.slug != slug {
			continue
		}
		cp := comingPage{Label: f.label}
		if id := r.URL.Query().Get("policy"); id != "" {
			if p, err := h.store.FindPolicy(r.Context(), id); err == nil {
				cp.PolicyURL = "/policies/" + p.ID
			}
		}
		h.render(w, r, http.StatusOK, "coming", page{Title: f.label, Data: cp})
		return
	}
	h.fail(w, r, huiqi.Errorf(huiqi.ENOTFOUND, pageNotFound))
}
