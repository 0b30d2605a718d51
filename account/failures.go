package account

import (
	"strings"
	"sync"
	"time"
)

// failures counts failed password sign-ins per username in memory, over a
// sliding window. A restart forgets them; the audit log keeps them all.
type failures struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	at     map[string][]time.Time
}

func newFailures(max int, window time.Duration) *failures {
	return &failures{max: max, window: window, at: map[string][]time.Time{}}
}

// blocked reports whether name has failed max times within the window
// before now, and when its earliest counted failure leaves the window.
func (f *failures) blocked(name string, now time.Time) (bool, time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ts := f.live(strings.ToLower(name), now)
	if len(ts) < f.max {
		return false, time.Time{}
	}
	return true, ts[len(ts)-f.max].Add(f.window)
}

// add counts one failure of name at now.
func (f *failures) add(name string, now time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := strings.ToLower(name)
	f.at[key] = append(f.live(key, now), now)
	if len(f.at) > 10000 { // many names tried: forget those with no failure in the window
		for k := range f.at {
			f.live(k, now)
		}
	}
}

// reset forgets name's failures after a successful sign-in.
func (f *failures) reset(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.at, strings.ToLower(name))
}

// live drops name's failures older than the window and returns the rest;
// the caller holds the lock.
func (f *failures) live(name string, now time.Time) []time.Time {
	ts := f.at[name]
	i := 0
	for i < len(ts) && !ts[i].After(now.Add(-f.window)) {
		i++
	}
	ts = ts[i:]
	if len(ts) == 0 {
		delete(f.at, name)
		return nil
	}
	if len(ts) > f.max { // only the last max count
		ts = ts[len(ts)-f.max:]
	}
	f.at[name] = ts
	return ts
}
