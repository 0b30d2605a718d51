package consult

import (
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi/zhtext"
)

// coverage is the share of the question's words, weighted by idf, that
// unit i holds: a word counts when it or a synonym occurs, or all the
// bigrams of one do. A single character weighs half (the segmenter leaves
// single characters where it found no word), and so does a word that says
// what is asked (补贴, 条件): it is in most clauses that answer anything.
// When the question's bigrams cover more (a question cut wrongly:
// 评上市级), that share is taken.
func (r *ranker) coverage(i int) float64 {
	u := &r.us[i]
	have, all := 0.0, 0.0
	for k, w := range r.q.words {
		wt := r.idf[w]
		if utf8.RuneCountInString(w) == 1 || r.q.asking[k] {
			wt /= 2
		}
		all += wt
		for _, a := range r.q.alts[k] {
			if u.tf[a] > 0 || hasBigrams(u, a) {
				have += wt
				break
			}
		}
	}
	if all == 0 {
		return 0
	}
	return max(have/all, r.bigramCoverage(u))
}

// bigramCoverage is the share of the bigrams of the question's words,
// weighted by idf, that u holds; 0 for fewer than three bigrams.
func (r *ranker) bigramCoverage(u *unit) float64 {
	have, all, n := 0.0, 0.0, 0
	for _, w := range r.q.words {
		for _, b := range zhtext.Bigrams(w) {
			n++
			all += r.idf[b]
			if u.tf[b] > 0 {
				have += r.idf[b]
			}
		}
	}
	if n < 3 || all == 0 {
		return 0
	}
	return have / all
}

func hasBigrams(u *unit, w string) bool {
	bs := zhtext.Bigrams(w)
	if len(bs) == 0 {
		return false
	}
	for _, b := range bs {
		if u.tf[b] == 0 {
			return false
		}
	}
	return true
}
