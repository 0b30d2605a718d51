package portal

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/apply"
)

// reviewPage answers GET /staff/applications/{id}: the application with
// the moves the reviewer may make; a 404 outside their regions.
func (h *handler) reviewPage(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleReviewer, huiqi.RoleAdmin)
	if !ok {
		return
	}
	h.showApplication(w, r, u, http.StatusOK, nil)
}

// reviewMove answers POST /staff/applications/{id}: one move (action,
// comment, amount for an approval) on the revision the page showed.
func (h *handler) reviewMove(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleReviewer, huiqi.RoleAdmin)
	if !ok || !h.postedForm(w, r) {
		return
	}
	mv := apply.Move{Action: apply.Action(r.PostFormValue("action")), Comment: r.PostFormValue("comment"),
		Revision: revisionOf(r)}
	if s := strings.TrimSpace(r.PostFormValue("amount")); s != "" || mv.Action == apply.Approve {
		yuan, ok := parseYuan(s)
		if !ok {
			h.afterPost(w, r, u, "", huiqi.Errorf(huiqi.EINVALID, "核定金额 %q 无法识别，请填写元或万元，如 300000 或 30万", s))
			return
		}
		mv.Amount = yuan
	}
	_, err := h.applications().Review(r.Context(), u, r.PathValue("id"), mv)
	h.afterPost(w, r, u, "moved", err)
}
