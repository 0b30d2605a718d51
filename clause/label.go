package clause

import (
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// label is a clause label found in the text: its kind, where it is written and
// what it denotes.
type label struct {
	kind       huiqi.ClauseKind
	start, end int    // byte range of the label as written
	number     int    // ordinal; 0 for dash bullets
	norm       string // normalised form used in paths ("(一)", "3", "第三条")
	lineOnly   bool   // a label only at the start of a line ("1）")
}

// matchLabel reads a label starting at byte p of text. It knows only the shape of
// labels; whether the position makes the label plausible is decided by the parser.
func matchLabel(text string, p int) (label, bool) {
	r, size := utf8.DecodeRuneInString(text[p:])
	switch {
	case r == '第':
		return matchOrdinal(text, p, p+size)
	case r == '(' || r == '（':
		return matchParen(text, p, p+size)
	case isDigit(r):
		if p > 0 && precededBy(text, p, isDigitOrLatin) {
			return label{}, false
		}
		return matchArabic(text, p)
	case isHanNumeral(r):
		if p > 0 && precededBy(text, p, isHanNumeral) {
			return label{}, false
		}
		return matchHan(text, p)
	case circledNumber(r) > 0:
		return label{kind: huiqi.ClauseCircled, start: p, end: p + size, number: circledNumber(r), norm: string(r)}, true
	case r == '—' || r == '─':
		return matchDash(text, p)
	}
	return label{}, false
}

// precededBy reports whether the rune before byte p satisfies f.
func precededBy(text string, p int, f func(rune) bool) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:p])
	return f(r)
}

func isDigitOrLatin(r rune) bool {
	return isDigit(r) || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// takeWhile returns the byte index after the longest run (at most max runes) of
// runes satisfying f, starting at p, and the number of runes taken.
func takeWhile(text string, p, max int, f func(rune) bool) (int, int) {
	n := 0
	for p < len(text) && n < max {
		r, size := utf8.DecodeRuneInString(text[p:])
		if !f(r) {
			break
		}
		p += size
		n++
	}
	return p, n
}

// matchOrdinal reads 第X章, 第X节, 第X条 with a Chinese or Arabic numeral.
func matchOrdinal(text string, start, p int) (label, bool) {
	end, n := takeWhile(text, p, 6, func(r rune) bool { return isHanNumeral(r) || isDigit(r) })
	if n == 0 || end >= len(text) {
		return label{}, false
	}
	num, ok := parseNumeral(text[p:end])
	if !ok {
		return label{}, false
	}
	suffix, size := utf8.DecodeRuneInString(text[end:])
	kinds := map[rune]huiqi.ClauseKind{'章': huiqi.ClauseChapter, '节': huiqi.ClauseSection, '条': huiqi.ClauseArticle}
	kind, ok := kinds[suffix]
	if !ok {
		return label{}, false
	}
	norm := "第" + asciiDigits(text[p:end]) + string(suffix)
	return label{kind: kind, start: start, end: end + size, number: num, norm: norm}, true
}

// parseNumeral parses either a Chinese or an Arabic numeral.
func parseNumeral(s string) (int, bool) {
	if n, ok := arabicNumber(s); ok {
		return n, true
	}
	return hanNumber(s)
}

// asciiDigits turns full-width digits into ASCII ones.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
}

// matchParen reads (一) and (1) with ASCII or full-width brackets.
func matchParen(text string, start, p int) (label, bool) {
	kind, f := huiqi.ClauseParenHan, isHanNumeral
	if p < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[p:]); isDigit(r) {
			kind, f = huiqi.ClauseParenArabic, isDigit
		}
	}
	end, n := takeWhile(text, p, 4, f)
	if n == 0 || end >= len(text) {
		return label{}, false
	}
	closing, size := utf8.DecodeRuneInString(text[end:])
	if closing != ')' && closing != '）' {
		return label{}, false
	}
	num, ok := parseNumeral(text[p:end])
	if !ok {
		return label{}, false
	}
	return label{kind: kind, start: start, end: end + size, number: num, norm: "(" + asciiDigits(text[p:end]) + ")"}, true
}

// matchArabic reads 1. 1、 1． and the "2 ." of documents that put a space before the dot.
// A digit right after the separator makes it a decimal or an enumeration ("3.5%", "2、3号").
func matchArabic(text string, p int) (label, bool) {
	end, n := takeWhile(text, p, 4, isDigit)
	num, ok := arabicNumber(text[p:end])
	if !ok || n > 3 {
		return label{}, false
	}
	if after, ok := separator(text, end, ")）"); ok {
		return matchHalfParen(text, p, end, after, num)
	}
	sep, _ := takeWhile(text, end, 2, func(r rune) bool { return r == ' ' })
	after, ok := separator(text, sep, ".．、")
	if !ok || startsWith(text, after, isDigit) {
		return label{}, false
	}
	return label{kind: huiqi.ClauseArabic, start: p, end: after, number: num, norm: asciiDigits(text[p:end])}, true
}

// matchHalfParen reads "1）" and "1)", a (1) written with its closing bracket
// only. Such a bracket often closes a parenthesis instead ("（附件2）。"), so it
// counts only at a line start and before text.
func matchHalfParen(text string, p, digitsEnd, after, num int) (label, bool) {
	if !startsWith(text, after, func(r rune) bool { return isHan(r) || containsRune("“《", r) }) {
		return label{}, false
	}
	return label{kind: huiqi.ClauseParenArabic, start: p, end: after, number: num, norm: asciiDigits(text[p:digitsEnd]) + ")", lineOnly: true}, true
}

// matchHan reads 一、 一. 一．; "一、二、三等" and "一、二层次" (the numeral that
// follows is the next one) are enumerations, not labels.
func matchHan(text string, p int) (label, bool) {
	end, _ := takeWhile(text, p, 4, isHanNumeral)
	num, ok := hanNumber(text[p:end])
	if !ok {
		return label{}, false
	}
	after, ok := separator(text, end, "、.．")
	if !ok || startsWith(text, after, isDigit) {
		return label{}, false
	}
	if next, n := takeWhile(text, after, 4, isHanNumeral); n > 0 && startsWith(text, next, func(r rune) bool { return r == '、' }) {
		return label{}, false
	}
	if r, _ := utf8.DecodeRuneInString(text[after:]); hanDigits[r] == num+1 && r != '两' {
		return label{}, false
	}
	return label{kind: huiqi.ClauseHan, start: p, end: after, number: num, norm: text[p:end]}, true
}

// separator checks that the rune at p is one of seps and returns the index after it.
func separator(text string, p int, seps string) (int, bool) {
	if p >= len(text) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(text[p:])
	if !strings.ContainsRune(seps, r) {
		return 0, false
	}
	return p + size, true
}

// startsWith reports whether the rune at p satisfies f.
func startsWith(text string, p int, f func(rune) bool) bool {
	if p >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[p:])
	return f(r)
}

// matchDash reads a dash bullet: "——" or one or more "─".
func matchDash(text string, p int) (label, bool) {
	r, _ := utf8.DecodeRuneInString(text[p:])
	end, n := takeWhile(text, p, 8, func(c rune) bool { return c == r })
	if r == '—' && n < 2 {
		return label{}, false
	}
	return label{kind: huiqi.ClauseDash, start: p, end: end, norm: "—"}, true
}
