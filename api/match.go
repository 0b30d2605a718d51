package api

import (
	"encoding/json"
	"net/http"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

// Option configures the API.
type Option func(*handler)

// WithMatcher shares the server's matcher cache, so the API and the portal
// keep one matcher in memory; without it the API keeps its own.
func WithMatcher(c *match.Cache) Option {
	return func(h *handler) { h.matcher = c }
}

// maxMatchBody bounds a match request: a profile is a few KB.
const maxMatchBody = 1 << 20

// matchRequest is the body of POST /api/v1/match.
type matchRequest struct {
	Profile json.RawMessage `json:"profile"`
	AsOf    huiqi.Date      `json:"as_of"`
	All     bool            `json:"all"`
	Growth  string          `json:"growth"`
}

// match answers POST /api/v1/match: one enterprise profile against every
// measure in force (docs/matching.md).
func (h *handler) match(w http.ResponseWriter, r *http.Request) {
	req, ent, err := readMatchRequest(w, r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	m, err := h.matcher.Get(r.Context())
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	rep := m.Match(ent, req.AsOf, match.Options{All: req.All})
	quals, err := assessQualifications(ent, req.AsOf, req.Growth)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	rep.Reach = m.WithinReach(ent, req.AsOf, quals)
	writeJSON(w, http.StatusOK, rep)
}

// readMatchRequest decodes the body strictly and reads the profile with
// package profile: every problem names its field.
func readMatchRequest(w http.ResponseWriter, r *http.Request) (*matchRequest, *huiqi.Enterprise, error) {
	var req matchRequest
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
