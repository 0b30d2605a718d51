package portal

import (
	"net/http"
	"strconv"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
)

// applyPage answers GET /applications/{id}: the application for its
// applicant (the form, the matched conditions, the files, the submission)
// or a reviewer within its region; anyone else gets a 404.
func (h *handler) applyPage(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	h.showApplication(w, r, u, http.StatusOK, nil)
}

// showApplication renders the application of the path for u with status,
// and the error a post was refused with; errors finding it become their
// own pages.
func (h *handler) showApplication(w http.ResponseWriter, r *http.Request, u *huiqi.User, status int, refused error) {
	a, err := h.applications().Get(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := newApplyView(w, r, u, a)
	v.Clause = h.clauseName(r.Context(), a.PolicyID, a.PolicyVersion, a.ClausePath)
	v.Notice = notices[r.URL.Query().Get("done")]
	if refused != nil {
		v.Err, status = huiqi.ErrorMessage(refused), api.StatusCode(refused)
	}
	name := "apply_page"
	if u.Role.Staff() {
		name = "review_page"
	}
	noStore(w)
	h.render(w, r, status, name, page{Title: a.MeasureName + " · 申报", Data: v})
}

// afterPost answers a post of the application's pages: back to the page
// with what was done, the page again with the error when the user can
// correct it, or the error's own page.
func (h *handler) afterPost(w http.ResponseWriter, r *http.Request, u *huiqi.User, done string, err error) {
	switch {
	case err == nil:
		http.Redirect(w, r, applyPath(u, r.PathValue("id"))+"?done="+done, http.StatusSeeOther)
	case userError(err):
		h.showApplication(w, r, u, api.StatusCode(err), err)
	default:
		h.fail(w, r, err)
	}
}

// applySave answers POST /applications/{id}: saves the draft's answers
// (the fields named f.<field>) on the revision the page showed.
func (h *handler) applySave(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok || !h.postedForm(w, r) {
		return
	}
	form := map[string]string{}
	for k, vs := range r.PostForm {
		if name, ok := cutPrefix(k, "f."); ok && len(vs) > 0 {
			form[name] = vs[0]
		}
	}
	_, err := h.applications().Save(r.Context(), u, r.PathValue("id"), revisionOf(r), form)
	h.afterPost(w, r, u, "saved", err)
}

// applyCode answers POST /applications/{id}/code: sends the code that
// confirms the submission to the account's phone.
func (h *handler) applyCode(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok || !h.postedForm(w, r) {
		return
	}
	err := h.applications().RequestSubmitCode(r.Context(), u, r.PathValue("id"), clientIP(r))
	h.afterPost(w, r, u, "sent", err)
}

// applySubmit answers POST /applications/{id}/submit: submits with the
// code received.
func (h *handler) applySubmit(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok || !h.postedForm(w, r) {
		return
	}
	_, err := h.applications().Submit(r.Context(), u, r.PathValue("id"), revisionOf(r), r.PostFormValue("code"))
	h.afterPost(w, r, u, "submitted", err)
}

// revisionOf reads the revision a form was made on (0: none given).
func revisionOf(r *http.Request) int {
	n, _ := strconv.Atoi(r.PostFormValue("revision"))
	return max(n, 0)
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return "", false
}
