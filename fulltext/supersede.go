package fulltext

import (
	"maps"
	"slices"
	"sync"
)

// supersede knows which indexed policies repeal which: a policy is
// superseded when another indexed policy's repeals name its 文号 or title.
// It is rebuilt from the index's stored key and repeals fields on Open and
// kept in step by Index and Delete; statuses are then judged at query time,
// so indexing a repealing policy supersedes the older one at once without
// rewriting it.
type supersede struct {
	mu        sync.RWMutex
	keys      map[string][]string        // id → its own keys
	repeals   map[string][]string        // id → keys it repeals
	byKey     map[string]map[string]bool // key → ids named by it
	repealers map[string]map[string]bool // key → ids repealing it
	cache     []string                   // superseded ids; nil when stale
}

func newSupersede() *supersede {
	return &supersede{
		keys: map[string][]string{}, repeals: map[string][]string{},
		byKey: map[string]map[string]bool{}, repealers: map[string]map[string]bool{},
	}
}

// set records a policy's keys and repeals, replacing what was known of it.
func (s *supersede) set(id string, keys, repeals []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removeLocked(id)
	s.keys[id], s.repeals[id] = keys, repeals
	for _, k := range keys {
		addTo(s.byKey, k, id)
	}
	for _, k := range repeals {
		addTo(s.repealers, k, id)
	}
	s.cache = nil
}

func (s *supersede) remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removeLocked(id)
	s.cache = nil
}

func (s *supersede) removeLocked(id string) {
	for _, k := range s.keys[id] {
		delete(s.byKey[k], id)
	}
	for _, k := range s.repeals[id] {
		delete(s.repealers[k], id)
	}
	delete(s.keys, id)
	delete(s.repeals, id)
}

func addTo(m map[string]map[string]bool, k, id string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][id] = true
}

// superseded returns the ids of superseded policies, sorted. A policy never
// supersedes itself (a 决定 citing its own title).
func (s *supersede) superseded() []string {
	s.mu.RLock()
	if c := s.cache; c != nil {
		s.mu.RUnlock()
		return c
	}
	s.mu.RUnlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]bool{}
	for k, reps := range s.repealers {
		if len(reps) == 0 {
			continue
		}
		for id := range s.byKey[k] {
			if len(reps) > 1 || !reps[id] {
				out[id] = true
			}
		}
	}
	s.cache = slices.Sorted(maps.Keys(out))
	if s.cache == nil {
		s.cache = []string{} // known to be empty, not stale
	}
	return s.cache
}

// isSuperseded reports whether id is in the superseded list.
func (s *supersede) isSuperseded(id string) bool {
	_, ok := slices.BinarySearch(s.superseded(), id)
	return ok
}
