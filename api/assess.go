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
	out, err := assessQualifications(ent, req.AsOf, req.Growth)
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
	if err := checkGrowth(&req.Growth); err != nil {
		return nil, nil, err
	}
	ent, err := readProfile(req.Profile, &req.AsOf)
	if err != nil {
		return nil, nil, err
	}
	return &req, ent, nil
}

// checkGrowth defaults the growth assumption to last_year and refuses any
// other than last_year and none.
func checkGrowth(g *string) error {
	if *g == "" {
		*g = rules.GrowthLastYear
	}
	if *g != rules.GrowthLastYear && *g != rules.GrowthNone {
		return huiqi.Errorf(huiqi.EINVALID, "field growth: %q: want %s or %s", *g, rules.GrowthLastYear, rules.GrowthNone)
	}
	return nil
}

// assessQualifications assesses the national qualifications with their
// outlooks over five years and their next windows (the embedded defaults).
func assessQualifications(ent *huiqi.Enterprise, asOf huiqi.Date, growth string) ([]huiqi.Assessment, error) {
	wins, err := window.Default()
	if err != nil {
		return nil, err
	}
	return national.Assess(ent, asOf, rules.Assumption{Growth: growth, Years: 5}, wins)
}
