package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text taken from PDFs keeps the page's line breaks: a sentence runs on over
// several lines of equal width ("指导智能网\n联汽车开展道路测试"). A line is joined
// to the next only when all of these hold:
//   - the document is wrapped: at least 3 lines, and a quarter of its lines of
//     8–70 characters, have the same width (within 2 characters), the wrap width,
//     that width is a page's (15–70 Chinese characters), and at least 3 times two
//     full lines in a row carry one sentence across the break;
//   - the line is full (85% of the wrap width up to the wrap width), so titles
//     and headings (short lines) stay alone;
//   - it ends inside a sentence: with a Chinese character, a letter or digit, an
//     opening bracket or quote, or a comma — not with other punctuation;
//   - the next line is not blank or indented (a new paragraph), does not start
//     with a clause label, and starts with a Chinese character, letter, digit or
//     opening bracket or quote.
const (
	minWrapWidth = 30  // display columns: 15 Chinese characters
	maxWrapWidth = 140 // 70 Chinese characters
	fullRatio    = 0.85
	wrapSlack    = 4 // display columns: two Chinese characters
)

// joinWrapped joins lines wrapped mid-sentence in PDF-like text, and, in any
// text, an ordinal broken after its "第" ("第\n一、二层次").
func joinWrapped(lines []string) []string {
	wrap := wrapWidth(lines)
	out := make([]string, 0, len(lines))
	var para []string // pieces of the output line being built, joined once
	prev, prevFull := "", false
	for _, l := range lines {
		switch {
		case para != nil && brokenOrdinal(prev, l):
			para = append(para, l)
		case para != nil && wrap > 0 && prevFull && continuesLine(prev, l):
			para = append(para, strings.TrimLeftFunc(l, unicode.IsSpace))
		default:
			if para != nil {
				out = append(out, strings.Join(para, ""))
			}
			para = []string{l}
		}
		prev, prevFull = l, isFull(displayWidth(l), wrap)
	}
	if para != nil {
		out = append(out, strings.Join(para, ""))
	}
	return out
}

// wrapWidth returns the width of a wrapped document's lines, or 0 when the
// document does not look wrapped. The wrap width is the most common line width
// (within 2 characters) of a page's range; paragraphs of unwrapped text spread
// over many widths, wrapped lines pile up at one.
func wrapWidth(lines []string) int {
	counts := make([]int, maxWrapWidth+1)
	considered := 0
	for _, l := range lines {
		w := displayWidth(l)
		if w < 16 || w > maxWrapWidth {
			continue
		}
		considered++
		for c := w; c <= w+wrapSlack && c <= maxWrapWidth; c++ {
			counts[c]++
		}
	}
	best := 0
	for c := minWrapWidth; c <= maxWrapWidth; c++ {
		if counts[c] >= counts[best] {
			best = c
		}
	}
	if counts[best] < 3 || counts[best]*4 < considered || !wrapEvidence(lines, best) {
		return 0
	}
	return best
}

// wrapEvidence reports whether lines show the mark of wrapping at width wrap: at
// least 3 times a full line breaks off a sentence that the next line, full too,
// continues. Headings above paragraphs of joined text do not, which keeps a
// second Clean from joining what the first one left apart.
func wrapEvidence(lines []string, wrap int) bool {
	n := 0
	for i := 0; i+1 < len(lines) && n < 3; i++ {
		if isFull(displayWidth(lines[i]), wrap) && isFull(displayWidth(lines[i+1]), wrap) && continuesLine(lines[i], lines[i+1]) {
			n++
		}
	}
	return n >= 3
}

// isFull reports whether a line of width w reaches the wrap width.
func isFull(w, wrap int) bool {
	return float64(w) >= fullRatio*float64(wrap) && w <= wrap+wrapSlack
}

// displayWidth counts a line's columns, indentation included (an indented first
// line of a paragraph fills the page too): wide characters count 2. Counting
// stops past the widest wrap width, the only widths that matter.
func displayWidth(l string) int {
	w := 0
	for _, r := range l {
		if r >= 0x2000 { // CJK, full-width forms and the dashes and quotes set among them
			w += 2
		} else {
			w++
		}
		if w > maxWrapWidth+wrapSlack {
			break
		}
	}
	return w
}

// brokenOrdinal reports whether prev ends with the "第" of an ordinal whose
// numeral starts next ("第\n一、二层次", "第\n（十二）项").
func brokenOrdinal(prev, next string) bool {
	first, size := utf8.DecodeRuneInString(next)
	if first == '(' || first == '（' {
		first, _ = utf8.DecodeRuneInString(next[size:])
	}
	return lastRune(prev) == '第' && (isHanNumeral(first) || isDigit(first))
}

// continuesLine reports whether next continues the sentence prev breaks off.
func continuesLine(prev, next string) bool {
	if next == "" || prev == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if isIndent(first) || !(joinable(first) || containsRune("“‘《（(「", first)) {
		return false
	}
	if _, ok := matchLabel(next, 0); ok {
		return false
	}
	last := lastRune(prev)
	return joinable(last) || containsRune("“‘《（(【「，,、", last)
}

// joinable reports whether r is a letter, digit or Chinese character.
func joinable(r rune) bool {
	return isHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r)
}
