package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean repairs the text damage real documents carry before structure is parsed
// and returns the cleaned text; all later spans refer to it. In order it:
// normalises line ends to LF and strips trailing white space; drops document-site
// chrome lines and PDF page footers; removes a document-sharing site's page
// markers ("N、" cut into sentences) and joins the halves; drops web chrome at the
// end of the document; joins lines wrapped mid-sentence in PDF-like text; strips
// line indentation; repairs OCR slips in clause labels (I1. → 11.); and collapses
// runs of blank lines. Full-width characters are kept as they are. Clean is
// idempotent: Clean(Clean(x)) == Clean(x).
func Clean(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	// Each step can expose work for another (a removed marker lets two halves
	// join); repeating to a fixed point makes Clean idempotent.
	for i := 0; i < 8; i++ {
		next := cleanOnce(text)
		if next == text {
			break
		}
		text = next
	}
	return text
}

func cleanOnce(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	lines = dropChromeLines(lines)
	for i, l := range lines {
		if strings.Contains(l, "— ") {
			lines[i] = removeInlineFooters(l)
		}
	}
	lines = removePageMarkers(lines)
	lines = dropTrailingChrome(lines)
	lines = joinWrapped(lines)
	for i, l := range lines {
		lines[i] = fixOCRLabels(strings.TrimLeftFunc(l, unicode.IsSpace))
	}
	return joinLines(lines)
}

// joinLines joins lines with LF, keeping at most one blank line between
// paragraphs and none at either end.
func joinLines(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// lastRune returns the last rune of s, or 0 when s is empty.
func lastRune(s string) rune {
	r, size := utf8.DecodeLastRuneInString(s)
	if size == 0 {
		return 0
	}
	return r
}

// endsSentence reports whether a line ending in r ends a sentence.
func endsSentence(s string) bool {
	r := lastRune(s)
	return containsRune(sentenceEnders, r) || containsRune("。”」』", r)
}
