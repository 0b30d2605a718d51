// Package zhtext is the Chinese text analysis shared by the search backends:
// one normalisation (Traditional → Simplified, full-width → half-width,
// lower case) and one cut into terms (dictionary words plus the character
// bigrams of every run of Han characters), with byte offsets into the text as
// given so that highlights land on the original characters.
//
// The package does no I/O: the segmentation dictionary and the t2s tables are
// embedded in the binary and loaded once, on first use.
package zhtext

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
)

// converter builds OpenCC's t2s converter once. Its dictionaries are embedded
// in the opencc module, so failing to parse them is a build defect.
func converter() *opencc.OpenCC {
	t2sOnce.Do(func() {
		cc, err := opencc.New("t2s")
		if err != nil {
			panic("zhtext: loading embedded OpenCC t2s dictionaries: " + err.Error())
		}
		t2s = cc
	})
	return t2s
}

// Normalize folds text for matching: Traditional characters become
// Simplified, full-width ASCII becomes half-width and letters become lower
// case. Unlike hanzi.ToSimplified it converts every text, however short: a
// query such as 孵化器補助 has too few characters to be judged Traditional,
// and index and query must fold the same way. The result has exactly as many
// runes as s (an invalid byte counts as one rune, U+FFFD).
func Normalize(s string) string {
	return string(normRunes(s))
}

// normRunes returns the normalised runes of s, one for each rune of s.
func normRunes(s string) []rune {
	rs := make([]rune, 0, len(s))
	han := false
	for _, r := range s {
		r = foldWidth(r)
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else if unicode.Is(unicode.Han, r) {
			han = true
		} else {
			r = unicode.ToLower(r)
		}
		rs = append(rs, r)
	}
	if han && anyTraditional(rs) {
		rs = toSimplified(rs)
	}
	return rs
}

// foldWidth maps full-width ASCII forms (Ａ, １, ％) and the ideographic space
// to their ASCII counterparts.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000:
		return ' '
	}
	return r
}

// Han characters in the Basic Multilingual Plane; the table below covers them.
const (
	tableLo = 0x3400
	tableHi = 0xFAFF
)

var (
	changesOnce sync.Once
	changes     []bool // changes[r-tableLo]: t2s maps r alone to another rune
)

// anyTraditional reports whether t2s could change the text: some rune is
// converted when it stands alone. Simplified text, nearly all there is,
// then skips the phrase conversion, which is the slow part. Runes beyond the
// table count as changing.
func anyTraditional(rs []rune) bool {
	changesOnce.Do(buildChanges)
	for _, r := range rs {
		if r >= tableLo && (r > tableHi || changes[r-tableLo]) {
			return true
		}
	}
	return false
}

// buildChanges converts each Han rune of the table alone, once (some 30 ms).
func buildChanges() {
	cc := converter()
	changes = make([]bool, tableHi-tableLo+1)
	var buf [4]byte
	for r := rune(tableLo); r <= tableHi; r++ {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		in := string(buf[:utf8.EncodeRune(buf[:], r)])
		if out, err := cc.Convert(in); err == nil && out != in {
			changes[r-tableLo] = true
		}
	}
}

// toSimplified converts with OpenCC t2s (phrase-aware: 乾隆 stays, 乾燥 becomes
// 干燥). Every t2s mapping is one rune for one rune; should a dictionary entry
// ever break that, the runes are converted one by one so that offsets still
// map back to the original text.
func toSimplified(rs []rune) []rune {
	cc := converter()
	out, err := cc.Convert(string(rs))
	if err == nil {
		if conv := []rune(out); len(conv) == len(rs) {
			return conv
		}
	}
	for i, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if one, err := cc.Convert(string(r)); err == nil {
			if c := []rune(one); len(c) == 1 {
				rs[i] = c[0]
			}
		}
	}
	return rs
}
