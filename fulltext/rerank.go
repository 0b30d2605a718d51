package fulltext

import (
	"slices"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/huiqi-dev/huiqi"
)

// rerankDepth is how many of the best hits of a query of several words are
// put in order again by how close its words are. The index keeps no
// positions (term vectors would double its size), so its score cannot tell
// a policy whose one clause grants 孵化器 a 补助 from one that speaks of
// 孵化器 in one chapter and of 补助 in another. The stored clause texts can:
// among the first rerankDepth hits, those with a clause holding more of the
// words come first, in the index's order otherwise. Hits further down keep
// the index's order, so pages stay consistent.
const rerankDepth = 40

// reranks reports whether the plan's page is put in order again.
func (p *plan) reranks() bool {
	return p.sort == huiqi.SortRelevance && len(p.words) > 1 && p.offset < rerankDepth
}

// rerank orders the first rerankDepth hits by their best clause (the
// title counts as one), then keeps the plan's page.
func (p *plan) rerank(hits []huiqi.SearchHit, matches []*search.DocumentMatch) []huiqi.SearchHit {
	best := make(map[string]closeness, len(matches))
	ws := newWordSet(p.words)
	for i, m := range matches {
		clauses, _ := m.Fields[fClauses].(string)
		b := closenessIn(clauseText{Text: hits[i].Title}, ws)
		for _, c := range decodeClauses(clauses) {
			if k := closenessIn(c, ws); k.better(b) {
				b = k
			}
		}
		best[m.ID] = b
	}
	top := hits[:min(rerankDepth, len(hits))]
	slices.SortStableFunc(top, func(a, b huiqi.SearchHit) int {
		switch ka, kb := best[a.ID], best[b.ID]; {
		case ka.better(kb):
			return -1
		case kb.better(ka):
			return 1
		}
		return 0
	})
	lo := min(p.offset, len(hits))
	return hits[lo:min(lo+p.limit, len(hits))]
}

// closeness is how well one clause holds the query words: how many (two
// points for a word found whole, one by its bigrams) and, when all are
// there whole, the shortest stretch of text holding one of each.
type closeness struct {
	words, span int
}

func (a closeness) better(b closeness) bool {
	if a.words != b.words {
		return a.words > b.words
	}
	return a.span > 0 && (b.span == 0 || a.span < b.span)
}

func closenessIn(c clauseText, ws wordSet) closeness {
	k := closeness{words: scoreClause(c, ws).words}
	if k.words < 2*len(ws.words) {
		return k
	}
	text, _ := folded(c.Text)
	var occ []occurrence
	for i, w := range ws.words {
		for _, r := range find(text, w) {
			occ = append(occ, occurrence{r[0], r[1], i})
		}
	}
	k.span = shortestCover(occ, len(ws.words))
	return k
}

// occurrence is where query word w occurs.
type occurrence struct{ start, end, w int }

// shortestCover is the length of the shortest stretch holding an
// occurrence of each of n words (a sliding window over the occurrences in
// text order), 0 when there is none.
func shortestCover(occ []occurrence, n int) int {
	slices.SortFunc(occ, func(a, b occurrence) int { return a.start - b.start })
	seen := make([]int, n)
	have, best, lo := 0, 0, 0
	end := 0
	for _, o := range occ {
		if seen[o.w] == 0 {
			have++
		}
		seen[o.w]++
		end = max(end, o.end)
		for have == n {
			if span := end - occ[lo].start; best == 0 || span < best {
				best = span
			}
			seen[occ[lo].w]--
			if seen[occ[lo].w] == 0 {
				have--
			}
			lo++
		}
	}
	return best
}
