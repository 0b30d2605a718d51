package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// doc is the text being extracted with the indexes every finder shares.
type doc struct {
	text      string
	sentences []span
	clauses   []huiqi.Clause
	// bodyStart is where the policy text proper begins (after portal chrome,
	// a 印发 notice and the title); finders that must not read headers start there.
	bodyStart int
	// goalCache and yearCache remember, per clause path, whether it lies in a
	// goal section and the target year its section states.
	goalCache map[string]bool
	yearCache map[string]int
}

// span is a half-open byte range of doc.text.
type span struct{ start, end int }

func newDoc(text string) *doc {
	return &doc{text: text, sentences: splitSentences(text, 0, len(text)), goalCache: map[string]bool{}, yearCache: map[string]int{}}
}

func (d *doc) setClauses(cs []huiqi.Clause) { d.clauses = cs }

func (d *doc) str(s span) string { return d.text[s.start:s.end] }

// clauseAt returns the innermost clause containing byte offset at, or nil.
// Clauses come parents first, so the last one starting at or before at that
// still contains it is the innermost.
func (d *doc) clauseAt(at int) *huiqi.Clause {
	i := sort.Search(len(d.clauses), func(i int) bool { return d.clauses[i].Span.Start > at })
	for i--; i >= 0; i-- {
		c := &d.clauses[i]
		if c.Span.Start <= at && at < c.Span.End {
			return c
		}
	}
	return nil
}

// ancestorOf reports whether clause a is c or one of c's ancestors.
func ancestorOf(a, c *huiqi.Clause) bool {
	return a.Path == c.Path || strings.HasPrefix(c.Path, a.Path+"/")
}

// clauseRef is the short clause reference the export uses: the item number in
// Arabic digits for numbered items and articles, the label otherwise.
func clauseRef(c *huiqi.Clause) string {
	if c == nil {
		return ""
	}
	switch c.Kind {
	case huiqi.ClauseArabic, huiqi.ClauseParenArabic, huiqi.ClauseArticle:
		return strconv.Itoa(c.Number)
	case huiqi.ClauseHan:
		return strings.TrimRight(c.Label, "、 ．.")
	}
	return c.Label
}

// sentenceEnd are the runes that end a sentence for extraction purposes.
const sentenceEnd = "。！？；;!?\n"

// splitSentences cuts text[from:to] at sentence ends, dropping blank pieces.
func splitSentences(text string, from, to int) []span {
	var out []span
	start := from
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if strings.ContainsRune(sentenceEnd, r) {
			out = appendTrimmed(out, text, start, i)
			start = i
		}
	}
	return appendTrimmed(out, text, start, to)
}

// appendTrimmed appends [s, e) without surrounding white space, if anything is left.
func appendTrimmed(out []span, text string, s, e int) []span {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	if e > s {
		out = append(out, span{s, e})
	}
	return out
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
}

// segments cuts a sentence at commas and colons: the unit in which a support
// phrase, a condition or a cap is read.
func segments(text string, s span) []span {
	var out []span
	start := s.start
	for i := s.start; i < s.end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r == '，' || r == ',' || r == '：' || r == ':' {
			out = appendTrimmed(out, text, start, i)
			start = i
		}
	}
	return appendTrimmed(out, text, start, s.end)
}

// sentenceAt returns the sentence containing offset at.
func (d *doc) sentenceAt(at int) span {
	i := sort.Search(len(d.sentences), func(i int) bool { return d.sentences[i].end > at })
	if i < len(d.sentences) && d.sentences[i].start <= at {
		return d.sentences[i]
	}
	return span{at, at}
}
