package api

import (
	"encoding/json"
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
	"github.com/huiqi-dev/huiqi/rules/window"
)

// assessRequest is the body of POST /api/v1/assess.
type assessRequest struct {
	Profile json.RawMessage `json:"profile"`
	AsOf    huiqi.Date      `json:"as_of"`
	Growth  string          `json:"growth"`
}

// assess answers POST /api/v1/assess: one enterprise profile against the
// national qualification sets, each with its outlook and next application
// window, as huiqi assess --json prints them.
func (h *handler) assess(w http.ResponseWriter, r *http.Request) {
	req, ent, err := readAssessRequest(w, r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	wins, err := window.Default()
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	out, err := national.Assess(ent, req.AsOf, rules.Assumption{Growth: req.Growth, Years: 5}, wins)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if out == nil {
		out = []huiqi.Assessment{}
	}
	writeJSON(w, http.StatusOK, out)
}

// readAssessRequest decodes the body strictly, checks the growth assumption
// (default last_year) and reads the profile: every problem names its field.
func readAssessRequest(w http.ResponseWriter, r *http.Request) (*assessRequest, *huiqi.Enterprise, error) {
	var req assessRequest
	if err := readBody(w, r, &req, `{"profile": {…}, "as_of": "YYYY-MM-DD", "growth": "last_year"}`); err != nil {
		return nil, nil, err
	}
	if req.Growth == "" {
		req.Growth = rules.GrowthLastYear
	}
	if req.Growth != rules.GrowthLastYear && req.Growth != rules.GrowthNone {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "field growth: %q: want %s or %s", req.Growth, rules.GrowthLastYear, rules.GrowthNone)
	}
	ent, err := readProfile(req.Profile, &req.AsOf)
	if err != nil {
		return nil, nil, err
	}
	return &req, ent, nil
}
