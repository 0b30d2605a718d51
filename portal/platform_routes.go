package portal

import "net/http"

// platformRoutes adds the pages of the signed-in platform to mux: sign-in
// and sign-out, the account, and the administrator's pages. Without
// WithPlatform there are none.
func (h *handler) platformRoutes(mux *http.ServeMux) {
	if h.plat == nil {
		return
	}
	mux.HandleFunc("GET /login", h.loginPage)
	mux.HandleFunc("POST /login/code", h.loginCode)
	mux.HandleFunc("POST /login", h.loginWithCode)
	mux.HandleFunc("GET /login/staff", h.staffLoginPage)
	mux.HandleFunc("POST /login/staff", h.staffLogin)
	mux.HandleFunc("POST /logout", h.logout)
	mux.HandleFunc("POST /logout/everywhere", h.logoutEverywhere)
	mux.HandleFunc("GET /account", h.accountPage)
	mux.HandleFunc("POST /account/enterprises", h.accountBind)
	mux.HandleFunc("POST /account/tokens", h.accountTokenCreate)
	mux.HandleFunc("POST /account/tokens/{id}/revoke", h.accountTokenRevoke)
	mux.HandleFunc("GET /admin/outbox", h.adminOutbox)
	mux.HandleFunc("GET /admin/users", h.adminUsers)
	mux.HandleFunc("POST /admin/users", h.adminUserCreate)
	mux.HandleFunc("POST /admin/users/{id}/disabled", h.adminUserDisabled)
}
