package server_test

import (
	"encoding/json"
	"net/netip"
	"net/url"
	"testing"

	"github.com/huiqi-dev/huiqi/server"
)

// TestTrustedProxies: X-Forwarded-For names the client only when the peer
// is a trusted proxy, read from the right past the trusted hops; anyone
// else's header is ignored. The address shows in the audit log's sign-ins.
func TestTrustedProxies(t *testing.T) {
	cases := []struct {
		name    string
		proxies []netip.Prefix
		xff     string
		want    string
	}{
		{"no proxies: the header is ignored", nil, "203.0.113.9", "127.0.0.1"},
		{"a trusted proxy", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}, "203.0.113.9", "203.0.113.9"},
		{"a spoofed hop before the proxy's", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}, "198.51.100.1, 203.0.113.9", "203.0.113.9"},
		{"trusted hops skipped", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("10.0.0.0/8")}, "203.0.113.9, 10.1.2.3", "203.0.113.9"},
		{"garbage stops the walk", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}, "203.0.113.9, nonsense", "127.0.0.1"},
		{"another network's proxy is not trusted", []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}, "203.0.113.9", "127.0.0.1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := servePlatform(t, server.WithTrustedProxies(c.proxies...))
			v := newVisitor(t, ps.URL)
			v.postForm("/login/code", url.Values{"phone": {"13800138051"}}, "X-Forwarded-For", c.xff)
			v.postForm("/login", url.Values{"phone": {"13800138051"}, "code": {ps.code("13800138051")}}, "X-Forwarded-For", c.xff)
			if got := signInIP(t, ps); got != c.want {
				t.Errorf("client %q, want %q", got, c.want)
			}
		})
	}
}

// signInIP is the client address of the last sign-in in the audit log.
func signInIP(t *testing.T, ps *platformSite) string {
	t.Helper()
	entries, err := ps.Store.AuditEntries(t.Context(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	ip := ""
	for _, e := range entries {
		if e.Action == "account.sign_in" {
			var d struct{ IP string }
			if err := json.Unmarshal([]byte(e.Detail), &d); err != nil {
				t.Fatal(err)
			}
			ip = d.IP
		}
	}
	if ip == "" {
		t.Fatal("no sign-in in the audit log")
	}
	return ip
}
