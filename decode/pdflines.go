package decode

import (
	"math"
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

// pdfText turns pdftotext -bbox-layout pages into one paragraph per line.
func pdfText(pages [][]pdfLine) string {
	var rows []pdfLine
	for _, page := range pages {
		page = dropPageNumbers(visualRows(page))
		g := measure(page)
		for i := range page {
			page[i].page = g
		}
		rows = append(rows, page...)
	}
	paras := rejoinPDFLines(rows)
	for i, p := range paras {
		paras[i] = strings.ReplaceAll(tightenCJKSpaces(p), cellSep, " ")
	}
	return joinLines(paras)
}

// dropPageNumbers removes page-number rows at the top and bottom of a page.
func dropPageNumbers(rows []pdfLine) []pdfLine {
	for len(rows) > 0 && pageNumber.MatchString(rows[len(rows)-1].text) {
		rows = rows[:len(rows)-1]
	}
	for len(rows) > 0 && pageNumber.MatchString(rows[0].text) {
		rows = rows[1:]
	}
	return rows
}

// rejoinPDFLines joins rows the page layout wrapped back into paragraphs.
func rejoinPDFLines(rows []pdfLine) []string {
	var out []string
	var cur strings.Builder
	for i, r := range rows {
		t := strings.TrimSpace(r.text)
		if cur.Len() > 0 {
			cur.WriteString(joiner(cur.String(), t))
		}
		cur.WriteString(t)
		if i+1 < len(rows) && wrapped(r, rows[i+1]) {
			continue
		}
		out = append(out, cur.String())
		cur.Reset()
	}
	return out
}

// wrapped reports whether row r continues on row next: r runs to the right
// margin (within 1.5 characters), does not end a sentence, and next is not
// indented (the 两字缩进 of a new paragraph), not set apart by a blank
// line, and does not start a clause. Two centred rows, the first one wide,
// are a title set in a larger font and wrapped. Table rows never join.
func wrapped(r, next pdfLine) bool {
	t := strings.TrimSpace(r.text)
	last, _ := utf8.DecodeLastRuneInString(t)
	if r.table || next.table || strings.ContainsRune("。！？；：!?;:", last) ||
		clauseStart.MatchString(strings.TrimSpace(next.text)) {
		return false
	}
	g, ng := r.page, next.page
	if g == nil || ng == nil {
		return false
	}
	if g == ng && next.y0-r.y1 > g.em {
		return false
	}
	full := r.x1 >= g.right-1.5*g.em
	indented := next.x0 > ng.left+0.8*g.em
	if full && !indented {
		return true
	}
	if g != ng || !centred(next, g) || math.Abs((r.y1-r.y0)-(next.y1-next.y0)) > 0.2*(r.y1-r.y0) {
		return false
	}
	// A title in a larger font: a wide row, then a centred one in the same size.
	return full || centred(r, g) && r.x1-r.x0 >= 0.6*(g.right-g.left)
}

// centred reports whether a row is centred between the margins.
func centred(r pdfLine, g *pdfGeometry) bool {
	left, right := r.x0-g.left, g.right-r.x1
	return left > g.em && math.Abs(left-right) < g.em
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

// tightenCJKSpaces removes the single spaces pdftotext puts between Chinese
// and ASCII runs; Chinese typesetting has none there.
func tightenCJKSpaces(s string) string {
	for range 2 { // overlapping matches need a second pass
		s = cjkDigitSpace.ReplaceAllString(s, "$1$2$3$4")
	}
	return s
}
