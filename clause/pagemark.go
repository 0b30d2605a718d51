package clause

import (
	"strconv"
	"unicode/utf8"
)

// A document-sharing site cuts its page numbers into the text as "N、" at the
// start of each page's line, numbered 1, 2, 3, … and usually splitting a
// sentence or an amount ("市级财政资金支\n8、持不超过500万元"). Real list items
// "1、" also start lines, but they follow a sentence end and restart per section.
// So a marker run is a chain of line-start "N、" numbered consecutively whose
// lines mostly split sentences; only whole chains are removed.

// minChain is the shortest marker chain trusted as page numbers.
const minChain = 3

// splitMinRunes is the shortest previous line counted as a page cut: a page of
// text is hundreds of characters, while list items without a final full stop
// ("1、总体要求", "2、加强组织领导，形成合力") are short.
const splitMinRunes = 80

type pageMarker struct {
	line, n, width int // line index, number, byte width of "N、"
}

// removePageMarkers removes chains of page markers and joins the halves of the
// sentences they split.
func removePageMarkers(lines []string) []string {
	drop := map[int]int{} // line index → marker width
	for _, chain := range markerChains(lines) {
		if isPageChain(lines, chain) {
			for _, m := range chain {
				drop[m.line] = m.width
			}
		}
	}
	if len(drop) == 0 {
		return lines
	}
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		w, ok := drop[i]
		if !ok {
			out = append(out, l)
			continue
		}
		rest := l[w:]
		if n := len(out); n > 0 && joinsAcrossMarker(out[n-1], rest) {
			out[n-1] += rest
			continue
		}
		out = append(out, rest)
	}
	return out
}

// joinsAcrossMarker reports whether the text after a removed marker continues
// the previous line's sentence.
func joinsAcrossMarker(prev, rest string) bool {
	if prev == "" || endsSentence(prev) {
		return false
	}
	if containsRune(closers, lastRune(prev)) {
		_, isLabel := matchLabel(rest, 0)
		return rest != "" && !isLabel
	}
	return true
}

// markerChains groups line-start "N、" candidates into chains of consecutive numbers.
func markerChains(lines []string) [][]pageMarker {
	var chains [][]pageMarker
	ending := map[int]int{} // last number → index of the latest chain ending there
	for i, l := range lines {
		m, ok := readMarker(l)
		if !ok {
			continue
		}
		m.line = i
		c, ok := ending[m.n-1]
		if ok {
			delete(ending, m.n-1)
			chains[c] = append(chains[c], m)
		} else {
			c = len(chains)
			chains = append(chains, []pageMarker{m})
		}
		ending[m.n] = c
	}
	return chains
}

// readMarker reads a "N、" at the very start of a line. A digit may follow
// ("11、12 .培强…" is marker 11 before item 12): chains decide, not the marker.
func readMarker(l string) (pageMarker, bool) {
	end, n := takeWhile(l, 0, 3, func(r rune) bool { return r >= '0' && r <= '9' })
	if n == 0 || end >= len(l) {
		return pageMarker{}, false
	}
	r, size := utf8.DecodeRuneInString(l[end:])
	if r != '、' {
		return pageMarker{}, false
	}
	num, _ := strconv.Atoi(l[:end])
	return pageMarker{n: num, width: end + size}, true
}

// isPageChain reports whether a chain is long enough and mostly splits sentences.
func isPageChain(lines []string, chain []pageMarker) bool {
	if len(chain) < minChain {
		return false
	}
	splits := 0
	for _, m := range chain {
		if m.line == 0 {
			continue
		}
		prev := lines[m.line-1]
		if utf8.RuneCountInString(prev) >= splitMinRunes && !endsSentence(prev) && !containsRune(closers, lastRune(prev)) {
			splits++
		}
	}
	return splits >= 2 && splits*2 >= len(chain)
}
