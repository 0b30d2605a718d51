// Package server assembles the HTTP side: the JSON API under /api/v1/, the
// portal everywhere else, and request logging around both.
package server

import (
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/api"
	"github.com/huiqi-dev/huiqi/apply"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/portal"
)

// Option configures New.
type Option func(*options)

type options struct {
	platform *portal.Platform
	proxies  []netip.Prefix
}

// WithPlatform turns on accounts, applications and consultations: the
// portal's signed-in pages, and API tokens on the API.
func WithPlatform(p *portal.Platform) Option {
	return func(o *options) { o.platform = p }
}

// New returns the site's handler over a store and its search index.
// A store that also keeps enterprise profiles (sqlite and postgres do)
// serves the portal's 我的企业 pages.
func New(store huiqi.PolicyStore, index huiqi.SearchIndex, logger *slog.Logger, with ...Option) (http.Handler, error) {
	var o options
	for _, f := range with {
		f(&o)
	}
	matcher := match.NewCache(store, nil) // one matcher for the API and the portal
	opts := []portal.Option{portal.WithMatcher(matcher)}
	if ps, ok := store.(huiqi.ProfileStore); ok {
		opts = append(opts, portal.WithProfiles(ps))
	}
	if o.platform != nil {
		opts = append(opts, portal.WithPlatform(o.platform))
	}
	site, err := portal.NewHandler(store, index, logger, opts...)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	apiOpts := []api.Option{api.WithMatcher(matcher)}
	if o.platform != nil {
		apiOpts = append(apiOpts, api.WithPlatform(o.platform.Accounts))
		ps, _ := store.(huiqi.ProfileStore)
		apiOpts = append(apiOpts, api.WithApplications(&apply.Service{Apps: o.platform.Apps, Accounts: o.platform.Accounts,
			Users: o.platform.Users, Policies: store, Profiles: ps, Matcher: matcher, Threads: o.platform.Threads, Log: logger}))
	}
	mux.Handle(api.Prefix, api.NewHandler(store, index, logger, apiOpts...))
	mux.Handle("/", site)
	return realClient(o.proxies, logRequests(logger, gzipResponses(mux))), nil
}

// statusWriter remembers the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

// logRequests logs one line per request: method, path, status, size, time.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Int("bytes", sw.size),
			slog.Duration("took", time.Since(start)))
	})
}
