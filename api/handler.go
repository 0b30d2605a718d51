package api

import (
	"log/slog"
	"net/http"

	"github.com/huiqi-dev/huiqi"
)

// Prefix is where the API is mounted.
const Prefix = "/api/v1/"

// handler holds what the API's handlers need.
type handler struct {
	store huiqi.PolicyStore
	index huiqi.SearchIndex
	log   *slog.Logger
	// matcher is built from the store on the first match request.
	matcher *matcherCache
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
		{"GET", "/api/v1/search", (*handler).search},
		{"GET", "/api/v1/regions", (*handler).regions},
		{"POST", "/api/v1/match", (*handler).match},
		{"GET", "/api/v1/openapi.json", (*handler).openAPI},
	}
}

// NewHandler returns the JSON API. It serves paths under Prefix; anything else
// under it is a JSON 404.
func NewHandler(store huiqi.PolicyStore, index huiqi.SearchIndex, logger *slog.Logger) http.Handler {
	h := &handler{store: store, index: index, log: logger, matcher: &matcherCache{}}
	mux := http.NewServeMux()
	for _, rt := range routes() {
		serve := rt.serve
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) { serve(h, w, r) })
	}
	mux.HandleFunc(Prefix, func(w http.ResponseWriter, r *http.Request) {
		// The API only reads: a known path asked with another method is a 405.
		get := r.Clone(r.Context())
		get.Method = http.MethodGet
		if _, pattern := mux.Handler(get); pattern != Prefix {
			w.Header().Set("Allow", "GET, HEAD")
			writeErrorStatus(w, http.StatusMethodNotAllowed, huiqi.EINVALID, "method "+r.Method+" not allowed on "+r.URL.Path+" (allowed: GET, HEAD)")
			return
		}
		h.writeError(w, r, huiqi.Errorf(huiqi.ENOTFOUND, "no API route %s %s", r.Method, r.URL.Path))
	})
	return mux
}
