package decode

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pageNumber matches a page-number footer line: 1, - 1 -, －1－, — 1 —, 第1页.
var pageNumber = regexp.MustCompile(`^[\s\-－—–]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*\d{1,4})?[\s\-－—–]*$`)

// clauseStart matches the start of a new clause or item, which always begins
// a paragraph even when the previous line ran to the right margin.
var clauseStart = regexp.MustCompile(`^(第[一二三四五六七八九十百零〇\d]+[章节条款]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]\D|[①-⑳])`)

// cjkDigitSpace matches the space pdftotext inserts between a Chinese
// character and an ASCII word or number set in another font ("2018 年").
var cjkDigitSpace = regexp.MustCompile(`(\p{Han}|[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]) ([0-9A-Za-z%.]+)|([0-9A-Za-z%.]+) (\p{Han}|[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}])`)

var multiSpace = regexp.MustCompile(`[ \t]{2,}`)

// pdfText turns pdftotext -layout output into one paragraph per line.
func pdfText(out string) string {
	pages := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\f")
	var lines []string
	for _, page := range pages {
		lines = append(lines, dropPageNumbers(strings.Split(page, "\n"))...)
	}
	paras := rejoinPDFLines(lines)
	for i, p := range paras {
		// Runs of spaces separate the cells of a table row: one is enough.
		paras[i] = tightenCJKSpaces(multiSpace.ReplaceAllString(p, " "))
	}
	return joinLines(paras)
}

// dropPageNumbers removes blank lines and page-number lines at the top and
// bottom of a page.
func dropPageNumbers(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimRight(l, " "))
		}
	}
	for len(out) > 0 && pageNumber.MatchString(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	for len(out) > 0 && pageNumber.MatchString(out[0]) {
		out = out[1:]
	}
	return out
}

// rejoinPDFLines joins a line to the next when the layout wrapped it: the
// line reaches the right margin (see fullWidth), does not
// end a sentence, and the next line is not indented and does not start a
// clause. A short line, an indented line (the 两字缩进 of a new paragraph),
// or a clause label keeps its break.
func rejoinPDFLines(lines []string) []string {
	width := fullWidth(lines)
	var out []string
	var cur strings.Builder
	for i, l := range lines {
		if cur.Len() > 0 {
			cur.WriteString(joiner(cur.String(), strings.TrimSpace(l)))
		}
		cur.WriteString(strings.TrimSpace(l))
		if i+1 < len(lines) && wrapped(l, lines[i+1], width) {
			continue
		}
		out = append(out, cur.String())
		cur.Reset()
	}
	return out
}

// wrapped reports whether line l continues on next.
func wrapped(l, next string, width int) bool {
	t := strings.TrimSpace(l)
	last, _ := utf8.DecodeLastRuneInString(t)
	if displayWidth(l) < width-2 || strings.ContainsRune("。！？；：!?;:", last) {
		return false
	}
	if indent(next) > indent(l)+1 || clauseStart.MatchString(strings.TrimSpace(next)) {
		return false
	}
	return true
}

// joiner is what goes between two halves of a wrapped line: nothing in
// Chinese text, a space between two Latin words.
func joiner(before, after string) string {
	a, _ := utf8.DecodeLastRuneInString(before)
	b, _ := utf8.DecodeRuneInString(after)
	if a < 0x80 && b < 0x80 && unicode.IsLetter(a) && unicode.IsLetter(b) {
		return " "
	}
	return ""
}

// indent counts leading spaces, a full-width space counting two.
func indent(l string) int {
	n := 0
	for _, r := range l {
		switch r {
		case ' ':
			n++
		case '\u3000':
			n += 2
		default:
			return n
		}
	}
	return n
}

// fullWidth is the width of a line that runs to the right margin: the most
// common width among the longer lines. Justified Chinese lines all hold the
// same number of characters; the longest line is no guide, as a table row
// or a line of digits (narrower glyphs) has more columns.
func fullWidth(lines []string) int {
	longest := 0
	for _, l := range lines {
		longest = max(longest, displayWidth(l))
	}
	count := map[int]int{}
	best := longest
	for _, l := range lines {
		w := displayWidth(l)
		if w*2 < longest {
			continue
		}
		count[w]++
		if count[w] > count[best] || count[w] == count[best] && w > best {
			best = w
		}
	}
	return best
}

// displayWidth is the width of a line in pdftotext -layout columns, where
// every character, Chinese or not, takes one.
func displayWidth(l string) int {
	return utf8.RuneCountInString(strings.TrimRight(l, " "))
}

// tightenCJKSpaces removes the single spaces pdftotext puts between Chinese
// and ASCII runs; Chinese typesetting has none there.
func tightenCJKSpaces(s string) string {
	for range 2 { // overlapping matches need a second pass
		s = cjkDigitSpace.ReplaceAllString(s, "$1$2$3$4")
	}
	return s
}
