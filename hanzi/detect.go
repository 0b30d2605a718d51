package hanzi

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// TSCharacters.txt is OpenCC's t2s character table (Apache-2.0, copied from
// github.com/longbridgeapp/opencc v0.3.13, whose embedded copy is unexported).
// Each line is a Traditional character, a tab, and its Simplified forms.
//
//go:embed TSCharacters.txt
var tsCharacters string

var (
	tradOnce sync.Once
	tradOnly map[rune]bool
)

// traditionalOnly returns the characters that exist only in Traditional
// writing: table keys that are not themselves a Simplified form of any entry.
// That drops 乾 (乾隆), 於 (a surname), 著, 余 and the like, which a
// Simplified text can legitimately contain.
func traditionalOnly() map[rune]bool {
	tradOnce.Do(func() {
		keys := map[rune]bool{}
		simplified := map[rune]bool{}
		for _, line := range strings.Split(tsCharacters, "\n") {
			k, v, ok := strings.Cut(line, "\t")
			r, n := utf8.DecodeRuneInString(k)
			if !ok || n != len(k) {
				continue
			}
			keys[r] = true
			for _, s := range strings.Fields(v) {
				if sr, n := utf8.DecodeRuneInString(s); n == len(s) {
					simplified[sr] = true
				}
			}
		}
		tradOnly = make(map[rune]bool, len(keys))
		for r := range keys {
			if !simplified[r] {
				tradOnly[r] = true
			}
		}
	})
	return tradOnly
}

// IsTraditional reports whether text is written in Traditional characters: at
// least one Han character in twenty exists only in Traditional form. Running
// Traditional text has one in four or more; a Simplified text quoting a
// Traditional name or two stays well under the threshold.
func IsTraditional(text string) bool {
	trad := traditionalOnly()
	han, only := 0, 0
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if trad[r] {
			only++
		}
	}
	return only > 0 && only*20 >= han
}
