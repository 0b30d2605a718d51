package portal

import (
	"net/http"
	"net/url"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/apply"
)

// applyNewPage is the data of the page that starts an application.
type applyNewPage struct {
	M           *apply.MeasureInfo
	ClauseURL   string
	Enterprises []huiqi.EnterpriseBinding
	CSRF        string
}

// applyNew answers GET /applications/new?policy=…&measure=…, where the
// 我要申报 button of a measure leads: the measure, and the enterprise to
// apply for (one of those bound to the account). Nobody is sent to sign in
// and back here. Without the platform it leads to the page saying 我要申报
// is not available.
func (h *handler) applyNew(w http.ResponseWriter, r *http.Request) {
	if h.plat == nil { // the public site: the measure lines' buttons lead here
		http.Redirect(w, r, "/coming/apply?"+url.Values{"policy": {r.URL.Query().Get("policy")}}.Encode(), http.StatusSeeOther)
		return
	}
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok {
		return
	}
	q := r.URL.Query()
	m, err := h.applications().Measure(r.Context(), q.Get("policy"), q.Get("measure"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	bs, err := h.plat.Users.Enterprises(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	noStore(w)
	data := applyNewPage{M: m, Enterprises: verifiedOnly(bs), CSRF: csrfToken(w, r),
		ClauseURL: clauseURL(huiqi.Provenance{PolicyID: m.PolicyID, ClausePath: m.ClausePath})}
	h.render(w, r, http.StatusOK, "apply_new", page{Title: "我要申报 · " + m.MeasureName, Data: data})
}

// applyStart answers POST /applications: starts (or reopens) the
// application of the chosen enterprise for the measure and goes to it.
func (h *handler) applyStart(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok || !h.postedForm(w, r) {
		return
	}
	a, _, err := h.applications().Start(r.Context(), u, r.PostFormValue("credit_code"), r.PostFormValue("policy"), r.PostFormValue("measure"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/applications/"+a.ID, http.StatusSeeOther)
}

// applyListPage is the data of 我的申报.
type applyListPage struct {
	Apps  []huiqi.Application
	Total int
}

// applyList answers GET /applications: the user's applications with their
// statuses, most recently updated first.
func (h *handler) applyList(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleEnterprise)
	if !ok {
		return
	}
	apps, total, err := h.applications().Mine(r.Context(), u, huiqi.ApplicationFilter{Limit: 100})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	inChinaTime(apps)
	noStore(w)
	h.render(w, r, http.StatusOK, "apply_list", page{Title: "我的申报", Data: applyListPage{apps, total}})
}
