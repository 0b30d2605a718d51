package postgres

import (
	"sort"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi/zhtext"
)

// PostgreSQL's limits on a tsvector: a position above maxPos is stored as
// maxPos, a lexeme keeps at most 256 positions, and a lexeme is under 2 KB.
// Terms longer than maxLexeme bytes are dropped (no one searches for them).
const (
	maxPos     = 16383
	maxLexeme  = 256
	positionsN = 256
)

// tsvBuilder collects terms with positions and weights and writes them as a
// tsvector literal ('补助':3C,17C '孵化器':1A). The terms are zhtext's, taken
// as they are: PostgreSQL's parser never sees the text, so a term such as
// "2023年" or "r&d" is one lexeme in the index exactly as in the query.
type tsvBuilder struct {
	pos   map[string][]string // lexeme → "12A" entries
	shift int                 // added to each field's positions
}

func newTSV() *tsvBuilder { return &tsvBuilder{pos: map[string][]string{}} }

// add adds the terms of text at weight w ('A'…'D'; 'D' is written bare). Each
// field's positions follow the previous field's, so fields stay apart.
func (b *tsvBuilder) add(text string, w byte) { b.addTerms(zhtext.Terms(text), w) }

// addTerms adds terms already cut, as add does.
func (b *tsvBuilder) addTerms(terms []zhtext.Term, w byte) {
	last := 0
	for _, t := range terms {
		p := b.shift + t.Pos + 1
		last = max(last, t.Pos+1)
		b.addTerm(t.Text, p, w)
	}
	b.shift += last + 1
}

func (b *tsvBuilder) addTerm(lex string, p int, w byte) {
	if len(lex) > maxLexeme || len(b.pos[lex]) >= positionsN {
		return
	}
	entry := strconv.Itoa(min(p, maxPos))
	if w != 'D' {
		entry += string(w)
	}
	b.pos[lex] = append(b.pos[lex], entry)
}

// String returns the tsvector literal, lexemes sorted for a stable output.
func (b *tsvBuilder) String() string {
	lexes := make([]string, 0, len(b.pos))
	for l := range b.pos {
		lexes = append(lexes, l)
	}
	sort.Strings(lexes)
	var sb strings.Builder
	for i, l := range lexes {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(quoteLexeme(l))
		sb.WriteByte(':')
		sb.WriteString(strings.Join(b.pos[l], ","))
	}
	return sb.String()
}

// quoteLexeme quotes a lexeme for the tsvector and tsquery input syntax:
// inside quotes, a quote and a backslash are doubled. The literal is passed
// as a query parameter, so this is the only escaping it needs.
func quoteLexeme(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `'`, `''`)
	return "'" + s + "'"
}
