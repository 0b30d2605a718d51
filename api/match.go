package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/profile"
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
	writeJSON(w, http.StatusOK, m.Match(ent, req.AsOf, match.Options{All: req.All}))
}

// readMatchRequest decodes the body strictly and reads the profile with
// package profile: every problem names its field.
func readMatchRequest(w http.ResponseWriter, r *http.Request) (*matchRequest, *huiqi.Enterprise, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, _ := mime.ParseMediaType(ct); mt != "application/json" {
			return nil, nil, huiqi.Errorf(huiqi.EUNSUPPORTED, "content type %q: want application/json", ct)
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxMatchBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "body: larger than %d bytes", maxMatchBody)
	} else if err != nil {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req matchRequest
	if err := dec.Decode(&req); err != nil {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "body: %v (want {\"profile\": {…}, \"as_of\": \"YYYY-MM-DD\"})", err)
	}
	if len(req.Profile) == 0 || string(req.Profile) == "null" {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "field profile: required")
	}
	if req.AsOf.IsZero() {
		t := time.Now().UTC()
		req.AsOf = huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	ent, err := profile.Load("profile.json", req.Profile)
	if err == nil {
		profile.Normalize(ent)
		err = profile.ValidateAsOf(ent, req.AsOf)
	}
	if err != nil {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "field profile: %v", err)
	}
	return &req, ent, nil
}
