package portal

import (
	"net/http"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/rules"
)

// Option configures the portal.
type Option func(*handler)

// WithProfiles serves 我的企业: the enterprise form, its results and the
// answers of each policy page, with profiles kept in ps under the draft
// token of the visitor's browser. Without it the policy pages' questions
// lead to pages that say the service is not available.
func WithProfiles(ps huiqi.ProfileStore) Option {
	return func(h *handler) {
		if h.ent == nil {
			h.ent = &enterprise{}
		}
		h.ent.profiles = ps
	}
}

// WithMatcher shares the server's matcher (the API's too), so one is kept
// in memory; without it the portal builds its own from the store.
func WithMatcher(c *match.Cache) Option {
	return func(h *handler) {
		if h.ent == nil {
			h.ent = &enterprise{}
		}
		h.ent.matcher = c
	}
}

// enterprise is what the 我的企业 pages need besides the policy store.
type enterprise struct {
	profiles huiqi.ProfileStore
	matcher  *match.Cache
	// quals are the national qualification rule sets (高新技术企业, …);
	// form is what the form asks, derived from them at start-up.
	quals []*rules.Set
	form  formSpec
}

// setupEnterprise loads the rule sets and the form's questions; an error
// stops the server at start-up, like a broken template.
func (h *handler) setupEnterprise() error {
	if h.ent != nil && h.ent.profiles == nil {
		h.ent = nil // a matcher alone serves no page
	}
	if h.ent == nil {
		return nil
	}
	if h.ent.matcher == nil {
		h.ent.matcher = match.NewCache(h.store, nil)
	}
	quals, err := qualificationSets()
	if err != nil {
		return err
	}
	h.ent.quals = quals
	h.ent.form = newFormSpec(quals)
	return nil
}

// enterpriseRoutes adds the 我的企业 pages to mux.
func (h *handler) enterpriseRoutes(mux *http.ServeMux) {
	if h.ent == nil {
		return
	}
	mux.HandleFunc("GET /enterprise", h.enterpriseForm)
	mux.HandleFunc("POST /enterprise", h.enterpriseSave)
	mux.HandleFunc("POST /enterprise/delete", h.enterpriseDelete)
	mux.HandleFunc("GET /enterprise/results", h.enterpriseResults)
	mux.HandleFunc("GET /policies/{id}/enterprise", h.enterprisePolicy)
	mux.HandleFunc("POST /policies/{id}/enterprise", h.enterpriseConfirm)
}

// today is the day answers are given for.
func (h *handler) today() huiqi.Date {
	t := h.now().In(chinaTime)
	return huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// nowFunc is the portal's clock.
type nowFunc = func() time.Time

// chinaTime is UTC+8: a day in the portal is a day in China.
var chinaTime = time.FixedZone("CST", 8*60*60)
