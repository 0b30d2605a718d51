package portal

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestProfileKey(t *testing.T) {
	good := newToken()
	cases := []struct {
		name, cookie, want string
	}{
		{"token", good, "draft:" + good},
		{"none", "", ""},
		{"short", good[:42], ""},
		{"another key smuggled", "user:1" + good[6:], ""},
		{"not base64url", strings.Repeat("+", 43), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/enterprise", nil)
			if c.cookie != "" {
				r.AddCookie(&http.Cookie{Name: draftCookie, Value: c.cookie})
			}
			if got := profileKey(r); got != c.want {
				t.Errorf("profileKey = %q, want %q", got, c.want)
			}
		})
	}
	if newToken() == good {
		t.Error("two tokens alike")
	}
}

func TestCSRF(t *testing.T) {
	tok := newToken()
	cases := []struct {
		name, cookie, field string
		ok                  bool
	}{
		{"same", tok, tok, true},
		{"no cookie", "", tok, false},
		{"no field", tok, "", false},
		{"other", tok, newToken(), false},
		{"both empty", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/enterprise", strings.NewReader(url.Values{csrfField: {c.field}}.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if c.cookie != "" {
				r.AddCookie(&http.Cookie{Name: csrfCookie, Value: c.cookie})
			}
			if got := csrfOK(r); got != c.ok {
				t.Errorf("csrfOK = %v, want %v", got, c.ok)
			}
		})
	}
}
