package api

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// WithPlatform resolves callers from API tokens (Authorization: Bearer
// hq_…) through the account service. Without it no request has a caller.
func WithPlatform(accounts *account.Service) Option {
	return func(h *handler) { h.accounts = accounts }
}

// caller returns the user the request's API token acts as: EUNAUTHORIZED
// when it carries none, or one that is unknown, revoked or of a disabled
// account. Handlers answer the error with writeError, which names the
// Bearer scheme.
func (h *handler) caller(r *http.Request) (*huiqi.User, error) {
	if h.accounts == nil {
		return nil, huiqi.Errorf(huiqi.EUNAUTHORIZED, "this server has no accounts: API tokens are not accepted")
	}
	auth := strings.TrimSpace(r.Header.Get("Authorization"))
	if auth == "" {
		return nil, huiqi.Errorf(huiqi.EUNAUTHORIZED, "missing header Authorization: Bearer <API token>")
	}
	scheme, token, _ := strings.Cut(auth, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return nil, huiqi.Errorf(huiqi.EUNAUTHORIZED, "header Authorization: want the Bearer scheme with an API token")
	}
	return h.accounts.TokenUser(r.Context(), strings.TrimSpace(token))
}

// challenge names the Bearer scheme on a 401, as RFC 6750 asks; a token
// that was sent and refused is an invalid_token.
func challenge(w http.ResponseWriter, r *http.Request) {
	v := `Bearer realm="huiqi"`
	if r.Header.Get("Authorization") != "" {
		v += `, error="invalid_token"`
	}
	w.Header().Set("WWW-Authenticate", v)
}
