package portal

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/consult"
)

// Platform is what the signed-in pages need: accounts and sessions, the
// stores of applications and consultations, the audit log, and the
// optional phrasing of consultation answers. Without it the portal is the
// public, read-only site.
type Platform struct {
	Accounts *account.Service
	Users    huiqi.AccountStore
	Apps     huiqi.ApplicationStore
	Threads  huiqi.ConsultStore
	Audit    huiqi.AuditLog
	// Phraser phrases consultation answers from the quoted clauses only;
	// nil answers with the quotes themselves.
	Phraser consult.Phraser
}

// WithPlatform turns on sign-in, 我要申报, 在线咨询 and the staff pages.
func WithPlatform(p *Platform) Option {
	return func(h *handler) { h.plat = p }
}

// sessionCookie holds the session token; the store keeps only its hash.
const sessionCookie = "huiqi_session"

// viewer is who asks: a signed-in user with the session token, or nobody.
type viewer struct {
	User  *huiqi.User
	Token string
}

type viewerKey struct{}

// withViewer reads the session cookie once per request and keeps the
// viewer in the request's context. An unknown, expired or revoked session
// is nobody, and its cookie is cleared.
func (h *handler) withViewer(next http.Handler) http.Handler {
	if h.plat == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := &viewer{}
		if c, err := r.Cookie(sessionCookie); err == nil && validToken(c.Value) {
			u, _, err := h.plat.Accounts.Session(r.Context(), c.Value)
			switch {
			case err == nil:
				v.User, v.Token = u, c.Value
			case huiqi.ErrorCode(err) == huiqi.ENOTFOUND || huiqi.ErrorCode(err) == huiqi.EUNAUTHORIZED || huiqi.ErrorCode(err) == huiqi.EFORBIDDEN:
				setCookie(w, r, sessionCookie, "", -1)
			default:
				h.fail(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), viewerKey{}, v)))
	})
}

// viewerOf returns who asks; never nil.
func viewerOf(r *http.Request) *viewer {
	if v, ok := r.Context().Value(viewerKey{}).(*viewer); ok {
		return v
	}
	return &viewer{}
}

// requireUser returns the signed-in user when it has one of roles (any
// role when none are given). Nobody is sent to sign in and back; a user
// without the role gets a 403 page.
func (h *handler) requireUser(w http.ResponseWriter, r *http.Request, roles ...huiqi.Role) (*huiqi.User, bool) {
	if h.plat == nil {
		h.fail(w, r, huiqi.Errorf(huiqi.ENOTFOUND, pageNotFound))
		return nil, false
	}
	u := viewerOf(r).User
	if u == nil {
		next := r.URL.RequestURI()
		if r.Method != http.MethodGet {
			next = r.Referer()
		}
		http.Redirect(w, r, signInURL(next), http.StatusSeeOther)
		return nil, false
	}
	if len(roles) == 0 {
		return u, true
	}
	for _, role := range roles {
		if u.Role == role {
			return u, true
		}
	}
	h.fail(w, r, huiqi.Errorf(huiqi.EFORBIDDEN, "您的账号（%s）无权访问此页面。", u.Role.Label()))
	return nil, false
}

// signInURL is the sign-in page that comes back to next, a path of this
// site only (never another origin).
func signInURL(next string) string {
	if u, err := url.Parse(next); err != nil || u.Host != "" || u.Scheme != "" || len(next) == 0 || next[0] != '/' ||
		len(next) > 1 && (next[1] == '/' || next[1] == '\\') || strings.ContainsAny(next, "\\\r\n\t") {
		next = "/"
	}
	return "/login?next=" + url.QueryEscape(next)
}
