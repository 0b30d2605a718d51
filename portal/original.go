package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi/api"
)

// original answers GET /policies/{id}/original (附件下载): the stored file.
func (h *handler) original(w http.ResponseWriter, r *http.Request) {
	version, err := optionalInt(r, "version")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	src, raw, err := api.OriginalFile(r.Context(), h.store, r.PathValue("id"), version)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	api.WriteOriginal(w, src, raw)
}
