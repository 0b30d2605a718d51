package server

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// WithTrustedProxies names the reverse proxies in front of the site. A
// request from one of them is taken to come from the address its
// X-Forwarded-For names, read from the right past the other trusted
// proxies; the header of any other peer is ignored, since anyone can send
// it. The client's address is what the limits on verification codes count
// and what the audit log records.
func WithTrustedProxies(prefixes ...netip.Prefix) Option {
	return func(o *options) { o.proxies = append(o.proxies, prefixes...) }
}

// realClient sets r.RemoteAddr to the client's address for requests from
// the trusted proxies; without any it is next itself.
func realClient(proxies []netip.Prefix, next http.Handler) http.Handler {
	if len(proxies) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if addr, ok := clientAddr(proxies, r); ok {
			r2 := *r
			r2.RemoteAddr = net.JoinHostPort(addr.String(), "0")
			r = &r2
		}
		next.ServeHTTP(w, r)
	})
}

// clientAddr is the client behind the trusted proxies, when r's peer is
// one of them.
func clientAddr(proxies []netip.Prefix, r *http.Request) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}, false
	}
	addr, err := netip.ParseAddr(host)
	if err != nil || !trusted(proxies, addr.Unmap()) {
		return netip.Addr{}, false
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	addr = addr.Unmap()
	for i := len(hops) - 1; i >= 0 && trusted(proxies, addr); i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // what no trusted proxy wrote is not read
		}
		addr = a.Unmap()
	}
	return addr, true
}

func trusted(proxies []netip.Prefix, a netip.Addr) bool {
	for _, p := range proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
