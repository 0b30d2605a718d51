package fulltext

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// Snippet sizes, in characters.
const (
	maxSnippets   = 3
	snippetRunes  = 120
	snippetBefore = 30
)

// scoredClause is a clause with the byte ranges where query words occur.
type scoredClause struct {
	path  string
	text  string
	marks [][2]int
	words int // query words found: 2 for each whole, 1 for each by bigrams
}

// snippets returns up to n snippets of the clauses that contain query words,
// the clauses with most words first, each cut around its first match. With
// no match it returns the opening of the first clause, unmarked, so that
// every hit shows some text.
func snippets(clauses []clauseText, words []string, n int) []huiqi.Snippet {
	var found []scoredClause
	ws := newWordSet(words)
	for _, c := range clauses {
		if sc := scoreClause(c, ws); sc.words > 0 {
			found = append(found, sc)
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].words != found[j].words {
			return found[i].words > found[j].words
		}
		return len(found[i].marks) > len(found[j].marks)
	})
	out := []huiqi.Snippet{}
	for _, sc := range found[:min(n, len(found))] {
		out = append(out, cut(sc))
	}
	if len(out) == 0 && len(clauses) > 0 {
		out = append(out, cut(scoredClause{path: clauses[0].Path, text: clauses[0].Text}))
	}
	return out
}

// wordSet is the query words with their bigrams, cut once per search.
type wordSet struct {
	words []string
	grams [][]string
}

func newWordSet(words []string) wordSet {
	ws := wordSet{words: words, grams: make([][]string, len(words))}
	for i, w := range words {
		ws.grams[i] = zhtext.Bigrams(w)
	}
	return ws
}

// scoreClause finds each query word in the clause. A word of several Han
// characters that is not there whole counts, for half, when all its bigrams
// are, the way the index matched it; scattered bigrams of 高新技术企业 (企业
// alone) do not.
func scoreClause(c clauseText, ws wordSet) scoredClause {
	sc := scoredClause{path: c.Path, text: c.Text}
	text, back := folded(c.Text)
	for i, w := range ws.words {
		if hits := find(text, w); len(hits) > 0 {
			sc.words += 2
			sc.marks = append(sc.marks, hits...)
		} else if hits, ok := findAll(text, ws.grams[i]); ok {
			sc.words++
			sc.marks = append(sc.marks, hits...)
		}
	}
	if back != nil {
		for i := range sc.marks {
			sc.marks[i] = [2]int{back[sc.marks[i][0]], back[sc.marks[i][1]]}
		}
	}
	sc.marks = merge(sc.marks)
	return sc
}

// folded is the text as query words are written: lower case, half-width.
// Stored text is already Simplified, so t2s (the slow part of Normalize) is
// not needed. Text with nothing to fold, nearly all of it, is returned as
// is with a nil map; else back maps each byte offset of the folded text to
// the original's.
func folded(s string) (string, []int) {
	if !needsFold(s) {
		return s, nil
	}
	var b strings.Builder
	back := make([]int, 0, len(s)+1)
	for i, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r = r - 0xFF01 + '!'
		}
		r = unicode.ToLower(r)
		n, _ := b.WriteRune(r)
		for k := 0; k < n; k++ {
			back = append(back, i)
		}
	}
	return b.String(), append(back, len(s))
}

// needsFold reports whether s holds what folding changes in a query word:
// upper-case letters or full-width letters and digits. Full-width
// punctuation, everywhere in Chinese text, never occurs in query words.
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				return true
			}
		case c == 0xEF && i+2 < len(s):
			r, _ := utf8.DecodeRuneInString(s[i:])
			if r >= 0xFF10 && r <= 0xFF5A && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return true
			}
		case c >= 0xC0 && c < 0xE0:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// find returns the byte ranges where w occurs in text.
func find(text, w string) [][2]int {
	var out [][2]int
	for i := 0; w != "" && i <= len(text)-len(w); {
		j := strings.Index(text[i:], w)
		if j < 0 {
			break
		}
		out = append(out, [2]int{i + j, i + j + len(w)})
		i += j + len(w)
	}
	return out
}

// findAll finds every gram; ok is false when some gram is missing.
func findAll(text string, grams []string) ([][2]int, bool) {
	if len(grams) == 0 {
		return nil, false
	}
	var out [][2]int
	for _, g := range grams {
		hits := find(text, g)
		if len(hits) == 0 {
			return nil, false
		}
		out = append(out, hits...)
	}
	return out, true
}

// merge sorts ranges and joins those that overlap or touch.
func merge(rs [][2]int) [][2]int {
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var out [][2]int
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// cut makes the snippet: the whole clause when short, else a window that
// starts a little before the first match, with … where text was left out.
func cut(sc scoredClause) huiqi.Snippet {
	lo, hi := trim(sc.text)
	if utf8.RuneCountInString(sc.text[lo:hi]) > snippetRunes {
		lo, hi = window(sc, lo, hi)
	}
	var b strings.Builder
	if lo > 0 && strings.TrimSpace(sc.text[:lo]) != "" {
		b.WriteString("…")
	}
	shift := b.Len() - lo
	b.WriteString(sc.text[lo:hi])
	if strings.TrimSpace(sc.text[hi:]) != "" {
		b.WriteString("…")
	}
	s := huiqi.Snippet{ClausePath: sc.path, Text: b.String(), Marks: []huiqi.Span{}}
	for _, m := range sc.marks {
		if a, z := max(m[0], lo), min(m[1], hi); a < z {
			s.Marks = append(s.Marks, huiqi.Span{Start: a + shift, End: z + shift})
		}
	}
	return s
}

// window picks the snippetRunes characters of [lo, hi) that show the most
// matches, starting a little before the first of them.
func window(sc scoredClause, lo, hi int) (int, int) {
	bestLo, bestHi, best := lo, forward(sc.text, lo, snippetRunes, hi), -1
	for _, m := range sc.marks {
		start := max(lo, back(sc.text, m[0], snippetBefore))
		end := forward(sc.text, start, snippetRunes, hi)
		if end == hi { // near the end: show a full window
			start = max(lo, back(sc.text, hi, snippetRunes))
		}
		n := 0
		for _, o := range sc.marks {
			if o[0] >= start && o[1] <= end {
				n++
			}
		}
		if n > best {
			bestLo, bestHi, best = start, end, n
		}
	}
	return bestLo, bestHi
}

// trim returns the byte range of s without surrounding white space.
func trim(s string) (int, int) {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	lo := len(s) - len(t)
	return lo, lo + len(strings.TrimRightFunc(t, unicode.IsSpace))
}

// back returns the offset n runes before i.
func back(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forward returns the offset n runes after i, at most limit.
func forward(s string, i, n, limit int) int {
	for ; n > 0 && i < limit; n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return min(i, limit)
}
