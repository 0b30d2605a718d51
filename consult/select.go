package consult

import "github.com/huiqi-dev/huiqi"

// Relevance: a clause answers when it holds at least minCoverage of the
// question's words (by weight), or lowCoverage of them and what the
// question asks about; and it scores at least minShare of the best.
const (
	minCoverage = 0.5
	lowCoverage = 0.34
	minShare    = 0.4
	// strongIntent is the boost a clause needs to answer on intent alone.
	strongIntent = 2.0 / 3
	maxQuotes    = 3
)

// relevant picks up to limit units that answer the question, best first,
// none inside another.
func (r *ranker) relevant(limit int) []scored {
	ranked := r.rank()
	if v := r.validityUnit(); v >= 0 {
		ranked = append([]scored{{unit: v, score: ranked[0].score + 1, coverage: 1}}, ranked...)
	}
	var out []scored
	for _, s := range ranked {
		if len(out) == limit || len(out) > 0 && s.score < minShare*out[0].score {
			break
		}
		if s.score <= 0 || !r.answers(s) || r.overlaps(out, s.unit) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// answers is the relevance rule. A question that only says what it asks
// (找哪个部门？申报需要什么条件？) is answered by a clause that shows it
// strongly.
func (r *ranker) answers(s scored) bool {
	if r.q.onlyAsks() {
		return r.intentBoost(s.unit) >= strongIntent
	}
	if s.coverage >= minCoverage {
		return true
	}
	return s.coverage >= lowCoverage && r.intentBoost(s.unit) > 0
}

// overlaps reports whether unit i contains or lies in a chosen one.
func (r *ranker) overlaps(chosen []scored, i int) bool {
	a := r.us[i].span
	for _, c := range chosen {
		b := r.us[c.unit].span
		if a.Start < b.End && b.Start < a.End {
			return true
		}
	}
	return false
}

// quotes cuts each chosen unit to its passage.
func (r *ranker) quotes(ss []scored) []Quote {
	out := make([]Quote, 0, len(ss))
	for _, s := range ss {
		u := r.us[s.unit]
		span := passage(r.p.Text, u.span, r)
		path := u.path
		// A passage cut from a parent within one child is cited as that child.
		if c := innermost(r.p, span); c >= 0 && u.clause >= 0 {
			path = r.p.Clauses[c].Path
		}
		out = append(out, Quote{
			Source: huiqi.Provenance{PolicyID: r.p.ID, Version: r.p.Version, ClausePath: path,
				Span: span, Text: r.p.Text[span.Start:span.End]},
			Label: ClauseLabel(r.p, path),
			Text:  r.p.Text[span.Start:span.End],
			Score: s.score,
		})
	}
	return out
}
