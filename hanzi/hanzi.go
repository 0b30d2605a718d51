// Package hanzi converts Traditional Chinese text to Simplified so that
// extraction, search and rules see one script.
//
// Conversion is OpenCC's t2s (github.com/longbridgeapp/opencc, which embeds its
// dictionaries with go:embed: nothing is read from disk at run time). Every t2s
// mapping replaces one rune by one rune, so the Simplified text has exactly as
// many runes as the input; byte lengths can differ (824 of 4,113 characters
// change UTF-8 length), so map spans back to the original text by rune index,
// never by byte offset.
package hanzi

import (
	"sync"

	"github.com/longbridgeapp/opencc"
)

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
	t2sErr  error
)

// converter builds the t2s converter once: it parses the embedded
// dictionaries into double-array tries, which takes a few milliseconds.
func converter() (*opencc.OpenCC, error) {
	t2sOnce.Do(func() { t2s, t2sErr = opencc.New("t2s") })
	return t2s, t2sErr
}

// ToSimplified converts Traditional Chinese to Simplified (OpenCC t2s), leaving
// Simplified text unchanged. Text that IsTraditional rejects is returned as is:
// t2s applied to Simplified text would also "convert" characters that are
// correct there (乾坤 outside its phrase list, the surname 於), and a Simplified
// document quoting a Traditional name should keep the quotation.
func ToSimplified(text string) string {
	if !IsTraditional(text) {
		return text
	}
	cc, err := converter()
	if err != nil {
		// The dictionaries are embedded in the binary: failing to parse them
		// is a build defect, not an input error.
		panic("hanzi: loading embedded OpenCC t2s dictionaries: " + err.Error())
	}
	out, err := cc.Convert(text)
	if err != nil {
		// Convert only fails when a dictionary lookup fails; keep the text
		// as published rather than lose it.
		return text
	}
	return out
}
