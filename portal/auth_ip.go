package portal

import (
	"net"
	"net/http"
)

// clientIP is the address of the client that sent r, which the limits on
// verification codes count. It is the connection's peer: behind a reverse
// proxy the server rewrites it from X-Forwarded-For, and only for the
// proxies it is told to trust (server.WithTrustedProxies), since anyone
// can send that header.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
