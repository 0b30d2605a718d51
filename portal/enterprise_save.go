package portal

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// maxFormBody bounds a posted form: a filled form is a few KB.
const maxFormBody = 64 << 10

// crossOrigin refuses form posts another site's page makes (by the
// browser's Sec-Fetch-Site and Origin headers), besides the CSRF token.
var crossOrigin = http.NewCrossOriginProtection()

// enterpriseSave answers POST /enterprise: every submit saves the profile
// under the browser's draft token — as a draft when it has problems or
// when 保存草稿 was pressed — then shows the form again, or the results
// when they were asked for and the profile has no problems. A signed-in
// enterprise user's valid profile also claims the enterprise it names.
func (h *handler) enterpriseSave(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, huiqi.Errorf(huiqi.EINVALID, "表单无法读取（不超过 %d KB）：请返回重新填写", maxFormBody>>10))
		return
	}
	if crossOrigin.Check(r) != nil {
		h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "表单已失效或来自其他网站，未保存。请返回“我的企业”页面，刷新后重新提交。"))
		return
	}
	if !csrfOK(r) {
		h.resubmit(w, r)
		return
	}
	key := ensureDraft(w, r)
	var prev *huiqi.Enterprise
	if sp, err := h.ent.profiles.FindProfile(r.Context(), key); err == nil {
		prev = &sp.Profile
	} else if huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
		h.fail(w, r, err)
		return
	}
	asOf := h.today()
	read := h.ent.form.readForm(r.PostForm, fiscalYears(asOf), prev, asOf)
	results := r.PostFormValue("action") == "results"
	sp := &huiqi.SavedProfile{Key: key, Profile: read.e, Problems: read.problems, Entered: read.entered,
		Draft: !results || len(read.problems) > 0}
	if err := h.ent.profiles.SaveProfile(r.Context(), sp); err != nil {
		h.fail(w, r, err)
		return
	}
	// A signed-in enterprise's valid profile claims its 统一社会信用代码 at
	// once, so the region's officers can verify it before /account is seen.
	if u := viewerOf(r).User; u != nil && len(sp.Problems) == 0 {
		if err := h.bindProfileCode(r.Context(), u); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	to := "/enterprise?saved=1"
	switch {
	case len(sp.Problems) > 0:
		to += "#problems"
	case results:
		to = "/enterprise/results"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// resubmit answers a post from this site whose CSRF token has expired (the
// page was left open past the browser session): nothing is saved, and the
// form comes back with what was typed and a new token, to be sent again.
func (h *handler) resubmit(w http.ResponseWriter, r *http.Request) {
	asOf := h.today()
	years := fiscalYears(asOf)
	read := h.ent.form.readForm(r.PostForm, years, nil, asOf)
	pg := h.ent.form.page(&huiqi.SavedProfile{Profile: read.e, Problems: read.problems, Entered: read.entered}, years)
	pg.Saved, pg.Expired = nil, true
	pg.CSRF = csrfToken(w, r)
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusForbidden, "enterprise", page{Title: "我的企业", Data: pg})
}
