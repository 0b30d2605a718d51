package postgres

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// Snippet shape: at most snippetsPerHit clauses per hit, each cut to about
// snippetRunes characters starting snippetLead before its first mark, the
// same as the embedded index.
const (
	snippetsPerHit = 3
	snippetRunes   = 120
	snippetLead    = 30
)

// snippetSQL picks, for each policy of the page, the clauses holding the
// most query needles (words and their bigrams, found by strpos), and its
// first clause in case none does. $1 is the policy IDs, $2 the needles, $3
// the number of clauses per policy. The text stays in the database but for
// those few clauses.
const snippetSQL = `SELECT policy_id, path, text FROM (
	SELECT c.policy_id, c.path, c.text,
		row_number() OVER (PARTITION BY c.policy_id ORDER BY f.n DESC, c.ordinal) AS k
	FROM search_clauses c,
		LATERAL (SELECT count(*) AS n FROM unnest($2::text[]) w WHERE strpos(c.text, w) > 0) f
	WHERE c.policy_id = ANY($1::text[]) AND (f.n > 0 OR c.ordinal = 0)) s
WHERE k <= $3 ORDER BY policy_id, k`

// openingSQL reads the first clause of each policy, for searches without text.
const openingSQL = `SELECT policy_id, path, text FROM search_clauses
	WHERE policy_id = ANY($1::text[]) AND ordinal = 0`

// snippets fills each hit's Snippets: the clauses where query words are,
// marked, or else the opening clause unmarked, so that every hit shows some
// text. The marks are found in Go (see findMarks).
func (ix *SearchIndex) snippets(ctx context.Context, tq *textQuery, hits []huiqi.SearchHit) error {
	ids := make([]string, len(hits))
	at := make(map[string]int, len(hits))
	for i, h := range hits {
		ids[i], at[h.ID] = h.ID, i
	}
	query, args := openingSQL, []any{ids}
	var words []string
	if tq != nil {
		query, args, words = snippetSQL, []any{ids, tq.needles, snippetsPerHit + 1}, tq.words
	}
	rows, err := ix.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	opening := map[string]huiqi.Snippet{}
	for rows.Next() {
		var id, path, text string
		if err := rows.Scan(&id, &path, &text); err != nil {
			return err
		}
		s := snippetOf(path, text, words)
		if h := &hits[at[id]]; len(s.Marks) > 0 && len(h.Snippets) < snippetsPerHit {
			h.Snippets = append(h.Snippets, s)
		} else if _, ok := opening[id]; !ok {
			opening[id] = s
		}
	}
	for i := range hits {
		if s, ok := opening[hits[i].ID]; ok && len(hits[i].Snippets) == 0 {
			hits[i].Snippets = append(hits[i].Snippets, s)
		}
	}
	return rows.Err()
}

// snippetOf cuts a clause around its first mark, with … where text is left
// out; the whole clause when it is short.
func snippetOf(path, text string, words []string) huiqi.Snippet {
	spans := findMarks(text, fold(text), words)
	first := 0
	if len(spans) > 0 {
		first = spans[0].Start
	}
	from, to := window(text, first)
	var sb strings.Builder
	if from > 0 {
		sb.WriteString("…")
	}
	shift := sb.Len() - from
	sb.WriteString(text[from:to])
	if to < len(text) {
		sb.WriteString("…")
	}
	out := huiqi.Snippet{ClausePath: path, Text: sb.String(), Marks: []huiqi.Span{}}
	for _, s := range spans {
		// A mark cut by the window's end is clipped to it.
		if st, en := max(s.Start, from), min(s.End, to); st < en {
			out.Marks = append(out.Marks, huiqi.Span{Start: st + shift, End: en + shift})
		}
	}
	return out
}

// fold is zhtext.Normalize without Traditional → Simplified, which the
// stored text (Simplified already) does not need and which is the slow part:
// full-width forms become ASCII, letters lower case, one rune for one rune.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r = r - 0xFF01 + '!'
		case r == 0x3000:
			r = ' '
		}
		return unicode.ToLower(r)
	}, s)
}

// findMarks returns the merged byte ranges of text where the query's words
// are, matching on norm, the normalised text: a word where it occurs whole,
// else its bigrams when all of them occur (the way the index matched it;
// 企业 alone does not mark 高新技术企业). Normalize keeps the number of
// runes, so a rune index maps a match back to the original bytes.
func findMarks(text, norm string, words []string) []huiqi.Span {
	toOrig := runeMap(text, norm)
	var spans []huiqi.Span
	for _, w := range words {
		found := occurrences(norm, w)
		if len(found) == 0 {
			found = allOccurrences(norm, zhtext.Bigrams(w))
		}
		for _, f := range found {
			spans = append(spans, huiqi.Span{Start: toOrig(f.Start), End: toOrig(f.End)})
		}
	}
	return merge(spans)
}

// occurrences returns the byte ranges of s where w occurs.
func occurrences(s, w string) []huiqi.Span {
	var out []huiqi.Span
	for off := 0; w != ""; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			break
		}
		out = append(out, huiqi.Span{Start: off + i, End: off + i + len(w)})
		off += i + len(w)
	}
	return out
}

// allOccurrences returns the occurrences of every gram, or none when a gram
// is missing.
func allOccurrences(s string, grams []string) []huiqi.Span {
	var out []huiqi.Span
	for _, g := range grams {
		found := occurrences(s, g)
		if len(found) == 0 {
			return nil
		}
		out = append(out, found...)
	}
	return out
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

// window returns the byte range of at most snippetRunes runes of text that
// starts snippetLead runes before the offset first, or earlier when the text
// ends sooner; the whole text when it is short.
func window(text string, first int) (int, int) {
	n := utf8.RuneCountInString(text)
	if n <= snippetRunes {
		return 0, len(text)
	}
	lead := max(snippetLead, snippetRunes-utf8.RuneCountInString(text[first:]))
	from := first
	for i := 0; i < lead && from > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	to := from
	for i := 0; i < snippetRunes && to < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	return from, to
}
