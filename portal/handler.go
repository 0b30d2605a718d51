package portal

import (
	"log/slog"
	"net/http"
	"slices"
	"strings"
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
	plat    *Platform   // nil without WithPlatform: no sign-in
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
	h.platformRoutes(mux)
	mux.HandleFunc("GET /{$}", h.home)
	mux.HandleFunc("GET /search", h.search)
	mux.HandleFunc("GET /policies/{id}", h.policy)
	mux.HandleFunc("GET /policies/{id}/ask", h.ask)
	mux.HandleFunc("GET /policies/{id}/diff", h.diff)
	mux.HandleFunc("GET /policies/{id}/original", h.original)
	mux.HandleFunc("GET /coming/{feature}", h.coming)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// A page asked with a method it does not take is a 405.
		if allow := allowed(mux, r); len(allow) > 0 {
			h.methodNotAllowed(w, r, allow)
			return
		}
		h.fail(w, r, huiqi.Errorf(huiqi.ENOTFOUND, pageNotFound))
	})
	return h.withViewer(mux), nil
}

// allowed lists the methods the mux serves r's path with (GET with HEAD,
// POST for a form), none when no page has that path.
func allowed(mux *http.ServeMux, r *http.Request) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "/" && pattern != "" {
			out = append(out, m)
			if m == http.MethodGet {
				out = append(out, http.MethodHead)
			}
		}
	}
	return out
}

// methodNotAllowed answers a method a page does not take, naming those it does.
func (h *handler) methodNotAllowed(w http.ResponseWriter, r *http.Request, allow []string) {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	msg := "此页面只能浏览（GET 或 HEAD），不接受 " + r.Method + " 请求。"
	if slices.Contains(allow, http.MethodPost) {
		msg = "此页面只接受 " + strings.Join(allow, "、") + " 请求，不接受 " + r.Method + " 请求。"
	}
	h.renderError(w, r, http.StatusMethodNotAllowed, msg, "")
}
