package postgres

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// Snippet shape: at most snippetsPerHit clauses per hit, each cut to about
// snippetRunes characters starting a little before its first mark.
const (
	snippetsPerHit = 3
	snippetRunes   = 120
	snippetLead    = 20
)

// snippetSQL picks, for each policy of the page, the clauses matching any
// query word, best ranked first. $1 is the policy IDs, $2 the OR tsquery,
// $3 the number of clauses per policy.
const snippetSQL = `SELECT policy_id, path, text, coalesce(norm, text) FROM (
	SELECT c.policy_id, c.path, c.text, c.norm, row_number() OVER (PARTITION BY c.policy_id
		ORDER BY ts_rank(c.terms, $2::tsquery) DESC, c.ordinal) AS n
	FROM search_clauses c WHERE c.policy_id = ANY($1::text[]) AND c.terms @@ $2::tsquery) s
WHERE n <= $3 ORDER BY policy_id, n`

// snippets fills each hit's Snippets from its best matching clauses. The
// marks are found in Go, by substring over the normalised clause text: the
// query's words and their bigrams, which is what matched.
func (ix *SearchIndex) snippets(ctx context.Context, tq *textQuery, hits []huiqi.SearchHit) error {
	ids := make([]string, len(hits))
	at := make(map[string]int, len(hits))
	for i, h := range hits {
		ids[i], at[h.ID] = h.ID, i
	}
	rows, err := ix.db.QueryContext(ctx, snippetSQL, ids, tq.or, snippetsPerHit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, path, text, norm string
		if err := rows.Scan(&id, &path, &text, &norm); err != nil {
			return err
		}
		if s, ok := snippetOf(path, text, norm, tq.marks); ok {
			h := &hits[at[id]]
			h.Snippets = append(h.Snippets, s)
		}
	}
	return rows.Err()
}

// snippetOf cuts a clause around its first mark; ok is false when no mark
// is found (a prefix match on a single character inside another word).
func snippetOf(path, text, norm string, marks []string) (huiqi.Snippet, bool) {
	spans := findMarks(text, norm, marks)
	if len(spans) == 0 {
		return huiqi.Snippet{}, false
	}
	from, to := window(text, spans[0].Start)
	out := huiqi.Snippet{ClausePath: path, Text: text[from:to], Marks: []huiqi.Span{}}
	for _, s := range spans {
		// A mark cut by the window's end is clipped to it.
		if st, en := max(s.Start, from), min(s.End, to); st < en {
			out.Marks = append(out.Marks, huiqi.Span{Start: st - from, End: en - from})
		}
	}
	return out, true
}

// findMarks returns the merged byte ranges of text where a mark occurs,
// matching on norm, the normalised text. Normalize keeps the number of
// runes, so a rune index maps a match back to the original bytes.
func findMarks(text, norm string, marks []string) []huiqi.Span {
	toOrig := runeMap(text, norm)
	var spans []huiqi.Span
	for _, m := range marks {
		for off := 0; ; {
			i := strings.Index(norm[off:], m)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(m)
			spans = append(spans, huiqi.Span{Start: toOrig(s), End: toOrig(e)})
			off = e
		}
	}
	return merge(spans)
}

// runeMap maps a byte offset of norm (at a rune boundary) to the offset of
// the same rune in text; the identity when both have the same bytes.
func runeMap(text, norm string) func(int) int {
	if len(text) == len(norm) {
		return func(i int) int { return i }
	}
	orig := make([]int, 0, len(text)+1)
	for i := range text {
		orig = append(orig, i)
	}
	orig = append(orig, len(text))
	return func(i int) int {
		n := utf8.RuneCountInString(norm[:i])
		return orig[min(n, len(orig)-1)]
	}
}

func merge(spans []huiqi.Span) []huiqi.Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []huiqi.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// window returns the byte range of about snippetRunes runes of text that
// starts snippetLead runes before the offset first (the whole text when short).
func window(text string, first int) (int, int) {
	if utf8.RuneCountInString(text) <= snippetRunes {
		return 0, len(text)
	}
	from := first
	for i := 0; i < snippetLead && from > 0; i++ {
		_, n := utf8.DecodeLastRuneInString(text[:from])
		from -= n
	}
	to := from
	for i := 0; i < snippetRunes && to < len(text); i++ {
		_, n := utf8.DecodeRuneInString(text[to:])
		to += n
	}
	return from, to
}
