package consult

import (
	"math"
	"sort"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// BM25 parameters, the usual ones.
const (
	k1 = 1.2
	b  = 0.75
	// parentShare is how much a clause's parent's head adds to its score:
	// the heading 优惠政策 makes each item under it about incentives.
	parentShare = 0.3
	// intentWeight scales the boost of a clause that shows what the
	// question asks about, in units of the question's mean term weight.
	intentWeight = 1.5
)

// scored is a unit with its score and the share of the question's words
// it holds (by weight), which decides relevance.
type scored struct {
	unit     int
	score    float64
	coverage float64
}

// ranker scores the units of one policy for one query.
type ranker struct {
	p     *huiqi.Policy
	us    []unit
	q     query
	idf   map[string]float64
	avgdl float64
	heads map[int]float64 // headScore's cache
	terms []zhtext.Term   // the policy's text cut once
}

func newRanker(d *Prepared, q query) *ranker {
	p, us, terms := d.p, d.us, d.terms
	r := &ranker{p: p, us: us, q: q, idf: map[string]float64{}, heads: map[int]float64{}, terms: terms}
	total := 0
	for _, u := range us {
		total += u.length
	}
	if len(us) > 0 {
		r.avgdl = float64(total) / float64(len(us))
	}
	n := float64(len(us))
	for _, t := range q.terms {
		df := 0
		for _, u := range us {
			if u.tf[t] > 0 {
				df++
			}
		}
		r.idf[t] = math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	return r
}

// bm25 is the BM25 score of u.
func (r *ranker) bm25(u *unit) float64 {
	s := 0.0
	for _, t := range r.q.terms {
		f := float64(u.tf[t])
		if f == 0 {
			continue
		}
		s += r.idf[t] * f * (k1 + 1) / (f + k1*(1-b+b*float64(u.length)/r.avgdl))
	}
	return s
}

// rank scores every unit, best first.
func (r *ranker) rank() []scored {
	own := make([]float64, len(r.us))
	for i := range r.us {
		own[i] = r.bm25(&r.us[i])
	}
	mean := r.meanIDF()
	out := make([]scored, len(r.us))
	for i, u := range r.us {
		s := own[i]
		if u.parent >= 0 {
			s += parentShare * r.headScore(u.parent)
		}
		s += intentWeight * mean * r.intentBoost(i)
		out[i] = scored{unit: i, score: s, coverage: r.coverage(i)}
	}
	// On a tie the shorter unit wins: it says the same in fewer words.
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return r.us[out[a].unit].length < r.us[out[b].unit].length
	})
	return out
}

// headScore scores a unit's own text only (its head), for its children.
func (r *ranker) headScore(i int) float64 {
	if s, ok := r.heads[i]; ok {
		return s
	}
	u := r.us[i]
	head := u
	if u.head != u.span {
		head.tf, head.length = termsIn(r.terms, u.head)
	}
	s := r.bm25(&head)
	r.heads[i] = s
	return s
}

// intentBoost is the mean of how strongly unit i shows each intent of the
// question.
func (r *ranker) intentBoost(i int) float64 {
	if len(r.q.intents) == 0 {
		return 0
	}
	u := r.us[i]
	text := r.p.Text[u.span.Start:u.span.End]
	m := measuresUnder(r.p, u.path)
	s := 0.0
	for _, in := range r.q.intents {
		s += in.shown(text, m)
	}
	return s / float64(len(r.q.intents))
}

func (r *ranker) meanIDF() float64 {
	if len(r.q.terms) == 0 {
		return 1 // the question only says what it asks: the boost ranks alone
	}
	s := 0.0
	for _, t := range r.q.terms {
		s += r.idf[t]
	}
	return s / float64(len(r.q.terms))
}
