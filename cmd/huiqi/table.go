package main

import (
	"io"
	"strings"
	"unicode"
)

// writeTable prints rows in columns padded to their display width: Chinese
// characters take two terminal cells, which text/tabwriter does not know.
func writeTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 { // no trailing spaces after the last column
				b.WriteString(strings.Repeat(" ", widths[i]-width(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// width is the number of terminal cells s takes: two for East Asian wide
// characters (Han, kana, hangul, full-width forms and punctuation), one otherwise.
func width(s string) int {
	n := 0
	for _, r := range s {
		if wide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK punctuation: 、。《》〔〕
		(r >= 0xFF01 && r <= 0xFF60) || (r >= 0xFFE0 && r <= 0xFFE6) // full-width forms
}
