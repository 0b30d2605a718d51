package api

import (
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/apply"
)

// WithApplications serves 我要申报 (/api/v1/applications) over svc, to the
// callers of API tokens (WithPlatform). Without it those routes answer 404.
func WithApplications(svc *apply.Service) Option {
	return func(h *handler) { h.apps = svc }
}

// applicationList is the answer of GET /api/v1/applications.
type applicationList struct {
	Applications []huiqi.Application `json:"applications"`
	Total        int                 `json:"total"`
}

// applicationCaller returns the caller when applications are served.
func (h *handler) applicationCaller(r *http.Request) (*huiqi.User, error) {
	if h.apps == nil {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "this server does not serve applications")
	}
	return h.caller(r)
}

// listApplications answers GET /api/v1/applications: an enterprise
// user's own applications, or a reviewer's queue within their regions;
// region, policy_id and status narrow either.
func (h *handler) listApplications(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	p := &params{v: r.URL.Query()}
	p.only("region", "policy_id", "status", "limit", "offset")
	region, policy := p.regionCode("region"), p.text("policy_id", 64)
	status := p.oneOf("status", "draft", "submitted", "under_review", "returned", "resubmitted", "approved", "rejected", "disbursed")
	limit, offset := p.intIn("limit", 20, 1, 100), p.intIn("offset", 0, 0, 1_000_000)
	if p.err != nil {
		h.writeError(w, r, p.err)
		return
	}
	f := huiqi.ApplicationFilter{PolicyID: policy, Limit: limit, Offset: offset}
	if status != "" {
		f.Statuses = []huiqi.ApplicationStatus{huiqi.ApplicationStatus(status)}
	}
	var apps []huiqi.Application
	var total int
	if u.Role == huiqi.RoleEnterprise {
		if region != "" {
			f.RegionPrefixes = []string{huiqi.RegionPrefix(region)}
		}
		apps, total, err = h.apps.Mine(r.Context(), u, f)
	} else {
		apps, total, err = h.apps.Queue(r.Context(), u, f, region)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if apps == nil {
		apps = []huiqi.Application{}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, applicationList{apps, total})
}

// startRequest is the body of POST /api/v1/applications.
type startRequest struct {
	CreditCode string `json:"credit_code"`
	PolicyID   string `json:"policy_id"`
	MeasureID  string `json:"measure_id"`
}

// startApplication answers POST /api/v1/applications: the caller's draft
// for the measure (201), or its open application for it (200).
func (h *handler) startApplication(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var req startRequest
	if err := readBody(w, r, &req, `{"credit_code": "…", "policy_id": "…", "measure_id": "…"}`); err != nil {
		h.writeError(w, r, err)
		return
	}
	a, created, err := h.apps.Start(r.Context(), u, req.CreditCode, req.PolicyID, req.MeasureID)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", Prefix+"applications/"+a.ID)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, a)
}

// getApplication answers GET /api/v1/applications/{id}: for its applicant
// and the reviewers within its region; 404 for anyone else.
func (h *handler) getApplication(w http.ResponseWriter, r *http.Request) {
	u, err := h.applicationCaller(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	id := r.PathValue("id")
	if len(id) > 64 {
		h.writeError(w, r, huiqi.Errorf(huiqi.EINVALID, "parameter id: longer than 64 characters"))
		return
	}
	a, err := h.apps.Get(r.Context(), u, id)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, a)
}
