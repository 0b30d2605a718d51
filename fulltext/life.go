package fulltext

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Tiers of indexed policies. A policy is indexed in the current tier when
// it is a draft or does not expire before the day it is indexed, else in the
// archive. Most policies of a large corpus have expired and the portal
// searches the ones in force: a term on the tier lets a search skip the
// archive without reading an expiry date per match. Days pass while a
// policy stays indexed, so the tier is a hint; lifecycle keeps every
// policy's tier and expiry in memory and names the exceptions of a day.
const (
	tierCurrent = "current"
	tierArchive = "archive"
)

// lifeRec is what a policy's status depends on, but superseding.
type lifeRec struct {
	current bool  // indexed in the current tier
	draft   bool  // drafts never expire
	expires int32 // yyyymmdd; noExpiry when none
}

// lifeOf is a policy's record when indexed on day today.
func lifeOf(p *huiqi.Policy, today int) lifeRec {
	r := lifeRec{draft: p.Draft, expires: noExpiry}
	if !p.Draft && !p.ExpiresOn.IsZero() {
		r.expires = int32(dayNumber(p.ExpiresOn))
	}
	r.current = r.draft || int(r.expires) >= today
	return r
}

func (r lifeRec) tier() string {
	if r.current {
		return tierCurrent
	}
	return tierArchive
}

// encode is the stored form: "current|final|20251231".
func (r lifeRec) encode() string {
	state := stateFinal
	if r.draft {
		state = stateDraft
	}
	return r.tier() + "|" + state + "|" + strconv.Itoa(int(r.expires))
}

func decodeLife(s string) (lifeRec, error) {
	parts := strings.Split(s, "|")
	if len(parts) != 3 {
		return lifeRec{}, fmt.Errorf("stored life %q: want tier|state|expiry", s)
	}
	exp, err := strconv.Atoi(parts[2])
	if err != nil {
		return lifeRec{}, fmt.Errorf("stored life %q: %w", s, err)
	}
	return lifeRec{current: parts[0] == tierCurrent, draft: parts[1] == stateDraft, expires: int32(exp)}, nil
}

// expiredOn reports whether a final policy has expired on day today.
func (r lifeRec) expiredOn(today int) bool { return !r.draft && int(r.expires) < today }

// lifecycle is every indexed policy's lifeRec, kept in step by Index and
// Delete and loaded on Open.
type lifecycle struct {
	mu  sync.RWMutex
	m   map[string]lifeRec
	day int        // the day exceptions were computed for; 0 when stale
	exc exceptions // of day
}

// exceptions are the policies whose tier is wrong on a day: stale ones, in
// the current tier but expired since; fresh ones, in the archive but in
// force on that day (a search dated before the day they were indexed).
// Both sorted.
type exceptions struct{ stale, fresh []string }

func newLifecycle() *lifecycle { return &lifecycle{m: map[string]lifeRec{}} }

func (l *lifecycle) set(id string, r lifeRec) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.m[id] = r
	l.day = 0
}

func (l *lifecycle) remove(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.m, id)
	l.day = 0
}

func (l *lifecycle) get(id string) (lifeRec, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r, ok := l.m[id]
	return r, ok
}

// exceptionsOn returns the exceptions of day today, computed once a day
// and after each write.
func (l *lifecycle) exceptionsOn(today int) exceptions {
	l.mu.RLock()
	if l.day == today {
		defer l.mu.RUnlock()
		return l.exc
	}
	l.mu.RUnlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	var e exceptions
	for id, r := range l.m {
		switch {
		case r.current && r.expiredOn(today):
			e.stale = append(e.stale, id)
		case !r.current && !r.expiredOn(today):
			e.fresh = append(e.fresh, id)
		}
	}
	slices.Sort(e.stale)
	slices.Sort(e.fresh)
	l.day, l.exc = today, e
	return e
}

// indexDay is today as a yyyymmdd number, the day a policy's tier is judged.
func indexDay() int {
	now := time.Now()
	return now.Year()*10000 + int(now.Month())*100 + now.Day()
}
