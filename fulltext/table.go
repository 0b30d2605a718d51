package fulltext

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/huiqi-dev/huiqi"
)

// table keeps in memory, for every indexed policy, what facets count and
// orders sort by: its facet values (as small numbers) and its largest
// amount and date. Each policy has a number n, kept in its one doc-values
// field (fN); a search reads that field once per match and finds the rest
// here, instead of bleve reading and hashing a dozen values per match from
// compressed doc values. Numbers are never reused for another policy.
type table struct {
	mu    sync.RWMutex
	ids   map[string]uint32 // policy ID → n
	recs  []tableRec        // by n
	vals  map[string]uint32 // facet value ("r:510100") → value number
	names []string          // by value number
}

// tableRec is one policy's row; live is false once it is deleted.
type tableRec struct {
	facets  []uint32
	amount  int64
	date    int32
	version int32
	live    bool
}

func newTable() *table {
	return &table{ids: map[string]uint32{}, vals: map[string]uint32{}}
}

// number returns the policy's n, giving a new policy the next one.
func (t *table) number(id string) uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.numberLocked(id)
}

func (t *table) numberLocked(id string) uint32 {
	if n, ok := t.ids[id]; ok {
		return n
	}
	n := uint32(len(t.recs))
	t.ids[id] = n
	t.recs = append(t.recs, tableRec{})
	return n
}

// set records a policy's row.
func (t *table) set(r row) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.setLocked(r)
}

func (t *table) setLocked(r row) {
	n, facets := r.n, r.facets
	for uint32(len(t.recs)) <= n { // a number read back from the index on Open
		t.recs = append(t.recs, tableRec{})
	}
	vs := make([]uint32, len(facets))
	for i, f := range facets {
		v, ok := t.vals[f]
		if !ok {
			v = uint32(len(t.names))
			t.vals[f] = v
			t.names = append(t.names, f)
		}
		vs[i] = v
	}
	t.recs[n] = tableRec{facets: vs, amount: r.amount, date: r.date, version: r.version, live: true}
}

// fingerprint sums the IDs and versions of the live policies.
func (t *table) fingerprint() huiqi.Fingerprint {
	t.mu.RLock()
	defer t.mu.RUnlock()
	var f huiqi.Fingerprint
	for id, n := range t.ids {
		if r := t.recs[n]; r.live {
			f.Add(id, int(r.version))
		}
	}
	return f
}

// remove marks a policy's row deleted; its number stays its own.
func (t *table) remove(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n, ok := t.ids[id]; ok {
		t.recs[n] = tableRec{}
	}
}

// load records a policy read back from the index: its ID, number and the
// stored row.
func (t *table) load(id, stored string) error {
	r, err := decodeRow(stored)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.ids[id] = r.n
	t.setLocked(r)
	return nil
}

// The stored row: "n|amount|date|version|facet␟facet…".
func (r row) encode() string {
	return fmt.Sprintf("%d|%d|%d|%d|%s", r.n, r.amount, r.date, r.version, strings.Join(r.facets, unitSep))
}

func decodeRow(s string) (row, error) {
	parts := strings.SplitN(s, "|", 5)
	if len(parts) != 5 {
		return row{}, fmt.Errorf("stored row %q: want n|amount|date|version|facets", s)
	}
	n, err1 := strconv.ParseUint(parts[0], 10, 32)
	amount, err2 := strconv.ParseInt(parts[1], 10, 64)
	date, err3 := strconv.ParseInt(parts[2], 10, 32)
	version, err4 := strconv.ParseInt(parts[3], 10, 32)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return row{}, fmt.Errorf("stored row %q: bad number", s)
	}
	r := row{n: uint32(n), amount: amount, date: int32(date), version: int32(version)}
	if parts[4] != "" {
		r.facets = strings.Split(parts[4], unitSep)
	}
	return r, nil
}

// nTerm is the doc-values term of number n, and parseN reads one back.
func nTerm(n uint32) string { return strconv.FormatUint(uint64(n), 36) }

func parseN(term []byte) (uint32, bool) {
	var n uint64
	if len(term) == 0 || len(term) > 7 {
		return 0, false
	}
	for _, c := range term {
		switch {
		case c >= '0' && c <= '9':
			n = n*36 + uint64(c-'0')
		case c >= 'a' && c <= 'z':
			n = n*36 + uint64(c-'a'+10)
		default:
			return 0, false
		}
	}
	return uint32(n), true
}
