package api

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// DefaultAnswerLimit is how many questions one client address may ask the
// answer route per minute.
const DefaultAnswerLimit = 30

// WithAnswerLimit sets how many questions one client address may ask the
// answer route per period (DefaultAnswerLimit a minute).
func WithAnswerLimit(n int, per time.Duration) Option {
	return func(h *handler) { h.answers = newRateLimit(n, per) }
}

// rateLimit counts requests per client address in fixed windows, in
// memory: a restart forgets the counts, and each server counts its own.
type rateLimit struct {
	n   int
	per time.Duration
	now func() time.Time

	mu      sync.Mutex
	windows map[string]rateWindow
}

type rateWindow struct {
	start time.Time
	count int
}

// maxTracked bounds the addresses kept; past it, finished windows are
// dropped.
const maxTracked = 10000

func newRateLimit(n int, per time.Duration) *rateLimit {
	return &rateLimit{n: n, per: per, now: time.Now, windows: map[string]rateWindow{}}
}

// allow counts a request from addr; when the window is full it returns
// false and the seconds until the next one, for Retry-After.
func (l *rateLimit) allow(addr string) (string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	w := l.windows[addr]
	if now.Sub(w.start) >= l.per {
		if len(l.windows) >= maxTracked {
			l.prune(now)
		}
		w = rateWindow{start: now}
	}
	if w.count >= l.n {
		wait := int(w.start.Add(l.per).Sub(now).Seconds()) + 1
		return strconv.Itoa(wait), false
	}
	w.count++
	l.windows[addr] = w
	return "", true
}

// prune drops the windows that have ended.
func (l *rateLimit) prune(now time.Time) {
	for a, w := range l.windows {
		if now.Sub(w.start) >= l.per {
			delete(l.windows, a)
		}
	}
}

// errTooManyQuestions says how many questions are allowed and when to ask
// again.
func errTooManyQuestions(l *rateLimit, wait string) error {
	return huiqi.Errorf(huiqi.ELIMITED, "too many questions from this address: at most %d per %s; try again in %s s", l.n, l.per, wait)
}

// clientAddr is the address the request came from. Forwarding headers are
// not read here: anyone can send them; behind trusted reverse proxies the
// server has already set RemoteAddr to the client they name.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
