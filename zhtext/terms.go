package zhtext

import (
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Kind says how a term was cut.
type Kind uint8

// Term kinds.
const (
	// Word is a word of the segmentation dictionary (or a run of letters
	// and digits, or a single character the dictionary has no word for).
	Word Kind = iota
	// Bigram is two adjacent Han characters, whatever the words: it finds
	// 补助 in 资金补助 however the segmenter cut it.
	Bigram
)

// Term is one normalised term of a text.
type Term struct {
	// Text is the term after Normalize.
	Text string
	// Start and End are byte offsets of the term in the original text.
	Start, End int
	// Pos is the rune index of the term's first character: a word and the
	// bigram that start on the same character share a position, and the
	// bigrams of a run are consecutive, so phrase queries over bigrams work.
	Pos  int
	Kind Kind
}

// analysed is a text cut into normalised runes with the byte offset of each.
type analysed struct {
	runes  []rune
	starts []int // starts[i] is the byte offset of rune i; starts[len] = len(s)
}

func analyse(s string) analysed {
	a := analysed{runes: normRunes(s), starts: make([]int, 0, len(s)+1)}
	for i := range s {
		a.starts = append(a.starts, i)
	}
	a.starts = append(a.starts, len(s))
	return a
}

func (a analysed) term(i, j int, k Kind) Term {
	return Term{Text: string(a.runes[i:j]), Start: a.starts[i], End: a.starts[j], Pos: i, Kind: k}
}

// Words cuts s into dictionary words (gse, no HMM) after Normalize. Spaces
// and punctuation are dropped.
func Words(s string) []Term {
	return analyse(s).words()
}

func (a analysed) words() []Term {
	var out []Term
	seg := segmenter()
	// Cut runs of letters, digits and Han characters one at a time: words
	// never cross punctuation, and gse's cost grows faster than the length
	// of what it is given (it builds maps over the whole input).
	for i := 0; i < len(a.runes); {
		if !isWordRune(a.runes[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(a.runes) && isWordRune(a.runes[j]) {
			j++
		}
		out = a.cutRun(seg, out, i, j)
		i = j
	}
	return out
}

// cutRun appends the words of runes [i, j).
func (a analysed) cutRun(seg *gse.Segmenter, out []Term, i, j int) []Term {
	if j-i == 1 {
		return append(out, a.term(i, j, Word))
	}
	for _, piece := range seg.Cut(string(a.runes[i:j]), false) {
		n := utf8.RuneCountInString(piece)
		if i+n > j {
			break // cannot happen: the pieces cover the run
		}
		if meaningful(a.runes[i : i+n]) {
			out = append(out, a.term(i, i+n, Word))
		}
		i += n
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// meaningful reports whether a piece holds a letter, digit or Han character.
func meaningful(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Terms cuts s into the terms an index stores: its Words plus the bigrams
// of every run of Han characters (a bigram spanning exactly a word is not
// repeated). Terms are ordered by position, words before bigrams.
func Terms(s string) []Term {
	a := analyse(s)
	words := a.words()
	out := make([]Term, 0, 2*len(words))
	w := 0 // next word; words come in position order
	for i := 0; i < len(a.runes); i++ {
		twoRuneWord := false
		for ; w < len(words) && words[w].Pos == i; w++ {
			out = append(out, words[w])
			twoRuneWord = twoRuneWord || utf8.RuneCountInString(words[w].Text) == 2
		}
		if i+1 < len(a.runes) && isHan(a.runes[i]) && isHan(a.runes[i+1]) && !twoRuneWord {
			out = append(out, a.term(i, i+2, Bigram))
		}
	}
	return out
}

// Bigrams returns the bigrams of the Han runs of s after Normalize: what a
// query word must match, in order, when the index cut the text differently.
func Bigrams(s string) []string {
	rs := normRunes(s)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		if isHan(rs[i]) && isHan(rs[i+1]) {
			out = append(out, string(rs[i:i+2]))
		}
	}
	return out
}

func isHan(r rune) bool {
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}
