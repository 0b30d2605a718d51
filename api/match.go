package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/profile"
)

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
	m, err := h.matcher.get(r.Context(), h.store)
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

// matcherCache builds the matcher from the store once, and again when the
// store has changed (its count or its newest version), checked at most
// every few seconds.
type matcherCache struct {
	mu      sync.Mutex
	m       *match.Matcher
	stamp   string
	checked time.Time
}

const matcherRecheck = 5 * time.Second

func (c *matcherCache) get(ctx context.Context, store huiqi.PolicyStore) (*match.Matcher, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m != nil && time.Since(c.checked) < matcherRecheck {
		return c.m, nil
	}
	list, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1})
	if err != nil {
		return nil, err
	}
	stamp := fmt.Sprint(total)
	if len(list) > 0 {
		stamp += fmt.Sprint(list[0].ID, list[0].Version, list[0].UpdatedAt.UnixNano())
	}
	if c.m == nil || stamp != c.stamp {
		m, err := match.Load(ctx, store, nil)
		if err != nil {
			return nil, err
		}
		c.m, c.stamp = m, stamp
	}
	c.checked = time.Now()
	return c.m, nil
}
