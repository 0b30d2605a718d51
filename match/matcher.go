package match

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
	"github.com/huiqi-dev/huiqi/rules"
)

// Matcher holds the measures of a set of policies, indexed for matching.
type Matcher struct {
	items    []item
	buckets  map[string]*bucket // by the region code the measures apply in
	skipped  int                // measures not meant for enterprises
	policies int
}

// item is one measure to match: a proposal, or the curated rule that
// replaces it (and maybe the other measures of its clause).
type item struct {
	prop *propose.Proposal
	set  *rules.Set
	// certs are the titles one of which the measure requires (empty: none).
	certs      []string
	from, to   huiqi.Date
	superseded bool
	// why is the likely reason of each of prop's conditions, made once.
	why []string
	// template is the answer, made once, for every enterprise of the
	// measure's region that has not answered its declarations (decls),
	// when nothing else decides it (propose.Proposal.Independent).
	template *huiqi.MatchResult
	decls    []string
}

// bucket holds the measures of one region: those requiring no title, and
// those requiring one, by title.
type bucket struct {
	free   []int32
	byCert map[string][]int32
	multi  bool // some measure is listed under several titles
}

// Stats describe what a Matcher holds.
type Stats struct {
	Policies, Measures, Curated, Skipped, Regions int
}

// Stats reports the size of the matcher.
func (m *Matcher) Stats() Stats {
	s := Stats{Policies: m.policies, Measures: len(m.items), Skipped: m.skipped, Regions: len(m.buckets)}
	for _, it := range m.items {
		if it.set != nil {
			s.Curated++
		}
	}
	return s
}

func (m *Matcher) bucket(code string) *bucket {
	b := m.buckets[code]
	if b == nil {
		b = &bucket{byCert: map[string][]int32{}}
		m.buckets[code] = b
	}
	return b
}

// add indexes the item at i under its region and titles.
func (m *Matcher) add(region string, it item) {
	i := int32(len(m.items))
	m.items = append(m.items, it)
	b := m.bucket(region)
	if len(it.certs) == 0 {
		b.free = append(b.free, i)
		return
	}
	for _, c := range it.certs {
		b.byCert[c] = append(b.byCert[c], i)
	}
	if len(it.certs) > 1 {
		b.multi = true
	}
}

// requiredCerts are the titles one of which a proposal's conditions
// require: a top-level title condition, or a top-level any of titles only.
func requiredCerts(conds []propose.Cond) []string {
	for _, c := range conds {
		switch c.Kind {
		case propose.CondCert, propose.CondNewCert:
			return []string{c.Cert}
		case propose.CondAny:
			if names, ok := certsOnly(c.Children); ok {
				return names
			}
		}
	}
	return nil
}

func certsOnly(cs []propose.Cond) ([]string, bool) {
	var names []string
	for _, c := range cs {
		if c.Kind != propose.CondCert && c.Kind != propose.CondNewCert {
			return nil, false
		}
		dup := false
		for _, n := range names {
			dup = dup || n == c.Cert
		}
		if !dup {
			names = append(names, c.Cert)
		}
	}
	return names, len(names) > 0
}

// Proposal returns the proposal of the measure with the given id (its
// rule YAML is what a curator starts from).
func (m *Matcher) Proposal(id string) (*propose.Proposal, bool) {
	for i := range m.items {
		if p := m.items[i].prop; p != nil && p.ID == id {
			return p, true
		}
	}
	return nil, false
}
