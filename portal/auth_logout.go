package portal

import (
	"net/http"
)

// logout answers POST /logout: ends the browser's session.
func (h *handler) logout(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	if tok := viewerOf(r).Token; tok != "" {
		if err := h.plat.Accounts.SignOut(r.Context(), tok); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	setCookie(w, r, sessionCookie, "", -1)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// logoutEverywhere answers POST /logout/everywhere: ends every session of
// the signed-in user, in every browser.
func (h *handler) logoutEverywhere(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	if _, err := h.plat.Accounts.SignOutEverywhere(r.Context(), u.ID, u.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	setCookie(w, r, sessionCookie, "", -1)
	http.Redirect(w, r, "/login?signed_out=everywhere", http.StatusSeeOther)
}
