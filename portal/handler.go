package portal

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// handler holds what the pages need.
type handler struct {
	store huiqi.PolicyStore
	index huiqi.SearchIndex
	log   *slog.Logger
	pages *pages
	// now is the day statuses are judged on; tests fix it.
	now     func() time.Time
	largest measureCache
	ent     *enterprise // nil without WithProfiles
}

// NewHandler returns the portal. It parses the embedded templates first, so a
// broken template stops the server at start-up rather than on a request.
func NewHandler(store huiqi.PolicyStore, index huiqi.SearchIndex, logger *slog.Logger, opts ...Option) (http.Handler, error) {
	pg, err := parsePages()
	if err != nil {
		return nil, err
	}
	h := &handler{store: store, index: index, log: logger, pages: pg, now: time.Now}
	for _, o := range opts {
		o(h)
	}
	if err := h.setupEnterprise(); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	h.enterpriseRoutes(mux)
	mux.HandleFunc("GET /{$}", h.home)
	mux.HandleFunc("GET /search", h.search)
	mux.HandleFunc("GET /policies/{id}", h.policy)
	mux.HandleFunc("GET /policies/{id}/diff", h.diff)
	mux.HandleFunc("GET /policies/{id}/original", h.original)
	mux.HandleFunc("GET /coming/{feature}", h.coming)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// The portal only reads: a page asked with another method is a 405.
		get := r.Clone(r.Context())
		get.Method = http.MethodGet
		if _, pattern := mux.Handler(get); pattern != "/" {
			h.methodNotAllowed(w, r)
			return
		}
		h.fail(w, r, huiqi.Errorf(huiqi.ENOTFOUND, pageNotFound))
	})
	return mux, nil
}

// methodNotAllowed answers a method other than GET or HEAD on a page.
func (h *handler) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	h.renderError(w, r, http.StatusMethodNotAllowed, "此页面只能浏览（GET 或 HEAD），不接受 "+r.Method+" 请求。", "")
}
