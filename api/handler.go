package api

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/apply"
	"github.com/huiqi-dev/huiqi/match"
)

// Prefix is where the API is mounted.
const Prefix = "/api/v1/"

// handler holds what the API's handlers need.
type handler struct {
	store huiqi.PolicyStore
	index huiqi.SearchIndex
	log   *slog.Logger
	// matcher is built from the store on the first match request, and
	// again when the store changes.
	matcher *match.Cache
	// accounts resolves API tokens; nil without WithPlatform.
	accounts *account.Service
	// answers limits the questions of each client address.
	answers *rateLimit
	// apps serves 我要申报; nil without WithApplications.
	apps *apply.Service
}

// route is one method and path pattern of the API with its handler.
type route struct {
	method, path string
	serve        func(h *handler, w http.ResponseWriter, r *http.Request)
}

// routes lists every route; the OpenAPI test compares it with the document.
func routes() []route {
	return []route{
		{"GET", "/api/v1/policies", (*handler).listPolicies},
		{"GET", "/api/v1/policies/{id}", (*handler).getPolicy},
		{"GET", "/api/v1/policies/{id}/versions", (*handler).listVersions},
		{"GET", "/api/v1/policies/{id}/original", (*handler).original},
		{"GET", "/api/v1/policies/{id}/diff", (*handler).diff},
		{"GET", "/api/v1/policies/{id}/answer", (*handler).answer},
		{"GET", "/api/v1/search", (*handler).search},
		{"GET", "/api/v1/regions", (*handler).regions},
		{"POST", "/api/v1/match", (*handler).match},
		{"POST", "/api/v1/assess", (*handler).assess},
		{"GET", "/api/v1/me", (*handler).me},
		{"GET", "/api/v1/bindings/pending", (*handler).pendingBindings},
		{"POST", "/api/v1/bindings/verify", (*handler).verifyBinding},
		{"GET", "/api/v1/applications", (*handler).listApplications},
		{"POST", "/api/v1/applications", (*handler).startApplication},
		{"GET", "/api/v1/applications/{id}", (*handler).getApplication},
		{"POST", "/api/v1/applications/{id}/submit", (*handler).submitApplication},
		{"POST", "/api/v1/applications/{id}/moves", (*handler).moveApplication},
		{"POST", "/api/v1/applications/{id}/form", (*handler).saveApplicationForm},
		{"POST", "/api/v1/applications/{id}/files", (*handler).attachApplicationFile},
		{"GET", "/api/v1/applications/{id}/files/{fid}", (*handler).applicationFile},
		{"DELETE", "/api/v1/applications/{id}/files/{fid}", (*handler).removeApplicationFile},
		{"GET", "/api/v1/openapi.json", (*handler).openAPI},
	}
}

// NewHandler returns the JSON API. It serves paths under Prefix; anything else
// under it is a JSON 404.
func NewHandler(store huiqi.PolicyStore, index huiqi.SearchIndex, logger *slog.Logger, opts ...Option) http.Handler {
	h := &handler{store: store, index: index, log: logger, matcher: match.NewCache(store, nil),
		answers: newRateLimit(DefaultAnswerLimit, time.Minute)}
	for _, o := range opts {
		o(h)
	}
	mux := http.NewServeMux()
	for _, rt := range routes() {
		serve := rt.serve
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) { serve(h, w, r) })
	}
	mux.HandleFunc(Prefix, func(w http.ResponseWriter, r *http.Request) {
		// A known path asked with another method is a 405 naming the methods
		// it takes.
		if allow := allowed(mux, r); allow != "" {
			w.Header().Set("Allow", allow)
			writeErrorStatus(w, http.StatusMethodNotAllowed, huiqi.EINVALID, "method "+r.Method+" not allowed on "+r.URL.Path+" (allowed: "+allow+")")
			return
		}
		h.writeError(w, r, huiqi.Errorf(huiqi.ENOTFOUND, "no API route %s %s", r.Method, r.URL.Path))
	})
	return mux
}

// allowed lists the methods the mux serves r's path with ("GET, HEAD",
// "POST", "GET, HEAD, DELETE"), "" when it serves the path with none.
func allowed(mux *http.ServeMux, r *http.Request) string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != Prefix && pattern != "" {
			out = append(out, m)
			if m == http.MethodGet {
				out = append(out, http.MethodHead)
			}
		}
	}
	return strings.Join(out, ", ")
}
