package portal

import "net/http"

// platformRoutes adds the pages of the signed-in platform to mux: sign-in
// and sign-out, the account, and the administrator's pages. Without
// WithPlatform there are none.
func (h *handler) platformRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /applications/new", h.applyNew) // without the platform: says 我要申报 is not available
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
	mux.HandleFunc("POST /account/enterprises/verify", h.accountConfirm)
	mux.HandleFunc("POST /account/tokens", h.accountTokenCreate)
	mux.HandleFunc("POST /account/tokens/{id}/revoke", h.accountTokenRevoke)
	mux.HandleFunc("GET /admin/outbox", h.adminOutbox)
	mux.HandleFunc("GET /admin/users", h.adminUsers)
	mux.HandleFunc("POST /admin/users", h.adminUserCreate)
	mux.HandleFunc("POST /admin/users/{id}/disabled", h.adminUserDisabled)
	mux.HandleFunc("POST /policies/{id}/ask", h.handoff)
	mux.HandleFunc("GET /consultations", h.consultations)
	mux.HandleFunc("GET /consultations/{id}", h.consultation)
	mux.HandleFunc("POST /consultations/{id}", h.consultationReply)
	mux.HandleFunc("GET /staff", h.staffDesk)
	mux.HandleFunc("GET /staff/bindings", h.staffBindings)
	mux.HandleFunc("POST /staff/bindings/verify", h.staffBindingVerify)
	mux.HandleFunc("GET /staff/consultations", h.staffConsultations)
	mux.HandleFunc("GET /staff/consultations/{id}", h.staffConsultation)
	mux.HandleFunc("POST /staff/consultations/{id}", h.staffAnswer)
	mux.HandleFunc("GET /notifications", h.notifications)
	mux.HandleFunc("POST /notifications", h.notificationsRead)
	mux.HandleFunc("GET /applications", h.applyList)
	mux.HandleFunc("POST /applications", h.applyStart)
	mux.HandleFunc("GET /applications/{id}", h.applyPage)
	mux.HandleFunc("POST /applications/{id}", h.applySave)
	mux.HandleFunc("POST /applications/{id}/files", h.applyAttach)
	mux.HandleFunc("POST /applications/{id}/files/{fid}/delete", h.applyRemove)
	mux.HandleFunc("GET /applications/{id}/files/{fid}", h.applyFile)
	mux.HandleFunc("POST /applications/{id}/code", h.applyCode)
	mux.HandleFunc("POST /applications/{id}/submit", h.applySubmit)
	mux.HandleFunc("GET /staff/applications", h.reviewList)
	mux.HandleFunc("GET /staff/applications/{id}", h.reviewPage)
	mux.HandleFunc("POST /staff/applications/{id}", h.reviewMove)
	mux.HandleFunc("GET /staff/policies", h.staffPolicies)
	mux.HandleFunc("GET /staff/policies/{id}/curate", h.staffCurate)
	mux.HandleFunc("POST /staff/policies/{id}/curate", h.staffCurateSave)
	mux.HandleFunc("GET /staff/measures/{mid}/rule", h.staffRule)
	mux.HandleFunc("POST /staff/measures/{mid}/rule", h.staffRulePost)
}
