package portal

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"
)

// Cookies of 我的企业. The draft cookie holds a random token: the profile is
// kept server-side under draft:<token>, so whoever holds the browser holds
// the profile, until sign-in binds profiles to users. The CSRF cookie is the
// double-submit token every form post must repeat.
const (
	draftCookie = "huiqi_draft"
	csrfCookie  = "huiqi_csrf"
	csrfField   = "csrf"
	draftMaxAge = 180 * 24 * 60 * 60 // 180 days
)

// newToken returns 32 random bytes, base64url without padding (43 characters).
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics rather than return weak bytes)
	return base64.RawURLEncoding.EncodeToString(b)
}

// validToken: what newToken makes, so a cookie cannot smuggle another key.
func validToken(s string) bool {
	if len(s) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// profileKey is the store key of the profile the 我的企业 pages show: the
// signed-in user's, else the browser's draft ("" when it has none).
func profileKey(r *http.Request) string {
	if u := viewerOf(r).User; u != nil {
		return userProfileKey(u)
	}
	return draftKey(r)
}

// draftKey is the store key of the browser's draft profile, "" when it has
// none.
func draftKey(r *http.Request) string {
	c, err := r.Cookie(draftCookie)
	if err != nil || !validToken(c.Value) {
		return ""
	}
	return "draft:" + c.Value
}

// setCookie sets a cookie for the whole site: HttpOnly, SameSite=Lax, and
// Secure when the page came over TLS (directly or through a proxy saying so).
func setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: overTLS(r)})
}

func overTLS(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// ensureDraft returns the key the profile is saved under: the signed-in
// user's, else the browser's draft, giving it a draft token first when it
// has none.
func ensureDraft(w http.ResponseWriter, r *http.Request) string {
	if u := viewerOf(r).User; u != nil {
		return userProfileKey(u)
	}
	if k := draftKey(r); k != "" {
		setCookie(w, r, draftCookie, strings.TrimPrefix(k, "draft:"), draftMaxAge) // renewed on each save
		return k
	}
	t := newToken()
	setCookie(w, r, draftCookie, t, draftMaxAge)
	return "draft:" + t
}

// csrfToken returns the browser's CSRF token, setting one when it has none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && validToken(c.Value) {
		return c.Value
	}
	t := newToken()
	setCookie(w, r, csrfCookie, t, 0)
	return t
}

// csrfOK reports whether a form post repeats the token of its cookie.
func csrfOK(r *http.Request) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || !validToken(c.Value) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue(csrfField))) == 1
}
