package match

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
)

// Summarize matches e without explanations: the measures that are not
// not_eligible, with status and amount, and the total under the stacking
// rules (the total Match gives; a test keeps them equal). It is what batch
// matching computes for each enterprise, so it avoids what Match spends on
// words: proposals are answered by propose.Proposal.Quick and the total
// is added here rather than by rules.Stack.
func (m *Matcher) Summarize(key string, e *huiqi.Enterprise, asOf huiqi.Date) huiqi.MatchSummary {
	s := huiqi.MatchSummary{Key: key, Hits: make([]huiqi.MatchHit, 0, 64)}
	var st stacker
	m.visit(e, asOf, false, false, func(it *item, evaluated bool) {
		if !evaluated {
			return
		}
		h, a, ok := it.quick(e, asOf)
		if h.Status == huiqi.MatchNotEligible {
			return
		}
		s.Hits = append(s.Hits, h)
		switch h.Status {
		case huiqi.MatchEligible:
			s.Eligible++
		case huiqi.MatchLikely:
			s.Likely++
		default:
			s.Unknown++
		}
		if !a.NotFunding {
			st.add(h, a, ok)
		}
	})
	s.MinYuan, s.MaxYuan = st.total()
	return s
}

// quick answers one measure: the hit, the proposal's stacking and whether
// its amount is known.
func (it *item) quick(e *huiqi.Enterprise, asOf huiqi.Date) (huiqi.MatchHit, propose.Amount, bool) {
	h := huiqi.MatchHit{MeasureID: it.prop.ID}
	if it.set != nil {
		r := it.result(e, asOf, false)
		h.Status = r.Status
		a := propose.Amount{Kind: propose.AmountUnknown}
		if r.Amount == nil {
			return h, a, false
		}
		a.Kind, a.CapYuan = propose.AmountFixed, r.Amount.CapYuan
		if r.Amount.Exclusive != "" {
			a.Exclusive = "curated " + r.Amount.Exclusive
		}
		if r.Amount.CapGroup != "" {
			a.CapGroup = "curated " + r.Amount.CapGroup
		}
		if len(r.Amount.Missing) > 0 {
			return h, a, false
		}
		h.MinYuan, h.MaxYuan = r.Amount.Min, r.Amount.Max
		return h, a, true
	}
	var ok bool
	h.Status, h.MinYuan, h.MaxYuan, ok = it.prop.Quick(e, asOf)
	return h, it.prop.Amount, ok
}

// stacker adds amounts as rules.Stack does: an eligible amount counts
// whole, another only toward the maximum; in an exclusive group only the
// highest (by maximum, then minimum); a cap group's sums are clamped to
// its smallest cap.
type stacker struct {
	lo, hi int64
	capOf  map[string]int64
	groups []capLine
}

type capLine struct {
	group, exclusive string
	lo, hi           int64
}

func (s *stacker) add(h huiqi.MatchHit, a propose.Amount, known bool) {
	var lo, hi int64
	if known {
		hi = h.MaxYuan
		if h.Status == huiqi.MatchEligible {
			lo = h.MinYuan
		}
	}
	if a.Kind == propose.AmountUnknown {
		return // no amount at all: nothing to add, no cap stated (as rules.Stack)
	}
	if a.CapGroup != "" {
		if s.capOf == nil {
			s.capOf = map[string]int64{}
		}
		if c, ok := s.capOf[a.CapGroup]; !ok || a.CapYuan < c {
			s.capOf[a.CapGroup] = a.CapYuan
		}
	}
	if a.Exclusive == "" && a.CapGroup == "" {
		s.lo, s.hi = s.lo+lo, s.hi+hi
		return
	}
	s.groups = append(s.groups, capLine{group: a.CapGroup, exclusive: a.Exclusive, lo: lo, hi: hi})
}

// total applies the exclusive groups, then the caps.
func (s *stacker) total() (lo, hi int64) {
	lo, hi = s.lo, s.hi
	if len(s.groups) == 0 {
		return lo, hi
	}
	best := map[string]int{}
	for i, l := range s.groups {
		if l.exclusive == "" || l.hi == 0 {
			continue
		}
		j, ok := best[l.exclusive]
		if !ok {
			best[l.exclusive] = i
			continue
		}
		loser := i
		if b := s.groups[j]; l.hi > b.hi || l.hi == b.hi && l.lo > b.lo {
			best[l.exclusive], loser = i, j
		}
		s.groups[loser].lo, s.groups[loser].hi = 0, 0
	}
	sums := map[string][2]int64{}
	for _, l := range s.groups {
		if l.group == "" {
			lo, hi = lo+l.lo, hi+l.hi
			continue
		}
		v := sums[l.group]
		sums[l.group] = [2]int64{v[0] + l.lo, v[1] + l.hi}
	}
	for g, v := range sums {
		c := s.capOf[g]
		lo, hi = lo+min(v[0], c), hi+min(v[1], c)
	}
	return lo, hi
}
