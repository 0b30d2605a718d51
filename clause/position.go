package clause

import (
	"unicode"
	"unicode/utf8"
)

// position classifies where a label candidate stands in its line; the parser asks
// more of a label the less its position suggests one.
type position int

const (
	posInline    position = iota // inside a sentence
	posAfterEnd                  // after a sentence end or a closing bracket
	posLineStart                 // first non-blank text of a line
)

// isIndent reports whether r is layout space at the start of a line.
func isIndent(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || (r >= '\u2000' && r <= '\u200b')
}

// sentenceEnders end a sentence or a clause heading: a label may follow them.
const sentenceEnders = "。；;：:！？!?"

// closers end a parenthetical that often closes a sentence, as in
// "(市科技局牵头)2 .推动…"; labels after them must continue a sequence.
const closers = ")）】"

// quoteClosers close a quotation; they end a sentence only after a sentence end ("。”").
const quoteClosers = "”」』\""

// classify returns the position of byte p in text. Markdown heading marks
// ("## 第一章") count as indentation.
func classify(text string, p int) position {
	q := p
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:q])
		if r == '\n' {
			return posLineStart
		}
		if !isIndent(r) && r != '#' {
			break
		}
		q -= size
	}
	if q == 0 {
		return posLineStart
	}
	r, size := utf8.DecodeLastRuneInString(text[:q])
	switch {
	case containsRune(sentenceEnders, r) || containsRune(closers, r):
		return posAfterEnd
	case containsRune(quoteClosers, r):
		prev, _ := utf8.DecodeLastRuneInString(text[:q-size])
		if containsRune(sentenceEnders, prev) {
			return posAfterEnd
		}
	}
	return posInline
}

func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r)
}
