package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

// accountTokenCreate answers POST /account/tokens: creates an API token
// and shows it this once (the page is not cached and not redirected to).
func (h *handler) accountTokenCreate(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	token, _, err := h.plat.Accounts.NewToken(r.Context(), u.ID, r.PostFormValue("token_name"))
	if s := api.StatusCode(err); s == http.StatusBadRequest || s == http.StatusForbidden {
		h.showAccount(w, r, s, u, accountPage{Error: huiqi.ErrorMessage(err)})
		return
	} else if err != nil {
		h.fail(w, r, err)
		return
	}
	h.showAccount(w, r, http.StatusOK, u, accountPage{NewToken: token})
}

// accountTokenRevoke answers POST /account/tokens/{id}/revoke: revokes one
// of the user's tokens.
func (h *handler) accountTokenRevoke(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	ev := &huiqi.AuditEntry{At: h.now().UTC(), Actor: u.ID, Action: actionTokenRevoke, Object: "token:" + id}
	if err := h.plat.Users.RevokeToken(r.Context(), u.ID, id, ev); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?revoked=1", http.StatusSeeOther)
}
