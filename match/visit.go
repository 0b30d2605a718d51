package match

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// visit calls f for every measure in force applicable in e's region (the
// nationwide ones only when the region is not given, unless all);
// evaluated is false for those the title index shows not eligible, which
// are only visited (to be counted) when count is set.
func (m *Matcher) visit(e *huiqi.Enterprise, asOf huiqi.Date, all, count bool, f func(it *item, evaluated bool)) {
	var held map[string]bool
	if e.Certifications != nil && !all {
		held = make(map[string]bool, len(e.Certifications))
		for _, c := range e.Certifications {
			held[c.Name] = true
		}
	}
	for _, b := range m.bucketsFor(e.RegionCode, all) {
		m.visitBucket(b, e, asOf, held, count, f)
	}
}

// candidates bounds the measures a match of region code may list.
func (m *Matcher) candidates(code string, all bool) int {
	n := 0
	for _, b := range m.bucketsFor(code, all) {
		n += len(b.free)
		for _, is := range b.byCert {
			n += len(is)
		}
	}
	return n
}

// localInForce counts the measures in force that are not nationwide.
func (m *Matcher) localInForce(asOf huiqi.Date) int {
	n := 0
	for code, b := range m.buckets {
		if code == region.National.Code {
			continue
		}
		for _, i := range b.free {
			if m.items[i].inForce(asOf) {
				n++
			}
		}
		seen := newSeen(b.multi)
		for _, is := range b.byCert {
			for _, i := range is {
				if seen.first(i) && m.items[i].inForce(asOf) {
					n++
				}
			}
		}
	}
	return n
}

func (m *Matcher) bucketsFor(code string, all bool) []*bucket {
	anc := region.Ancestors(code)
	if code == "" && !all {
		anc = nil
	} else if code == "" || len(anc) == 0 {
		out := make([]*bucket, 0, len(m.buckets))
		for _, b := range m.buckets {
			out = append(out, b)
		}
		return out
	}
	out := make([]*bucket, 0, len(anc)+1)
	if b := m.buckets[region.National.Code]; b != nil {
		out = append(out, b)
	}
	for _, r := range anc {
		if b := m.buckets[r.Code]; b != nil && r.Code != region.National.Code {
			out = append(out, b)
		}
	}
	return out
}

// held is nil when every measure is to be evaluated: the profile gives no
// certifications, or all are asked for.
func (m *Matcher) visitBucket(b *bucket, e *huiqi.Enterprise, asOf huiqi.Date, held map[string]bool, count bool, f func(*item, bool)) {
	for _, i := range b.free {
		if it := &m.items[i]; it.inForce(asOf) {
			f(it, true)
		}
	}
	if held == nil {
		seen := newSeen(b.multi)
		for _, is := range b.byCert {
			for _, i := range is {
				if it := &m.items[i]; seen.first(i) && it.inForce(asOf) {
					f(it, true)
				}
			}
		}
		return
	}
	seen := newSeen(b.multi)
	for name, is := range b.byCert {
		if !count && !held[name] {
			continue
		}
		for _, i := range is {
			if it := &m.items[i]; seen.first(i) && it.inForce(asOf) {
				f(it, held[name] || heldAny(held, it.certs))
			}
		}
	}
}

// heldAny: a measure listed under several titles is evaluated when any is held.
func heldAny(held map[string]bool, names []string) bool {
	for _, n := range names {
		if held[n] {
			return true
		}
	}
	return false
}

// seen remembers the measures already visited when some are listed
// under several titles.
type seen map[int32]bool

func newSeen(multi bool) seen {
	if multi {
		return seen{}
	}
	return nil
}

func (s seen) first(i int32) bool {
	if s == nil {
		return true
	}
	if s[i] {
		return false
	}
	s[i] = true
	return true
}

// inForce: the policy is in force on asOf and not superseded.
func (it *item) inForce(asOf huiqi.Date) bool {
	if it.superseded {
		return false
	}
	if it.set != nil {
		_, ok := it.set.At(asOf)
		return ok
	}
	return !after(it.from, asOf) && (it.to.IsZero() || !after(asOf, it.to))
}

func after(a, b huiqi.Date) bool {
	if a.Year != b.Year {
		return a.Year > b.Year
	}
	if a.Month != b.Month {
		return a.Month > b.Month
	}
	return a.Day > b.Day
}
