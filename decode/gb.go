package decode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// gbSequences walks data as GB18030 byte sequences, calling fn with each
// sequence's offset and length; it returns the offset of the first byte that
// starts no valid sequence, or -1.
func gbSequences(data []byte, fn func(off, n int)) int {
	for i := 0; i < len(data); {
		b := data[i]
		n := 0
		switch {
		case b < 0x80:
			n = 1
		case b == 0x80 || b == 0xFF || i+1 >= len(data):
		case data[i+1] >= 0x40 && data[i+1] <= 0xFE && data[i+1] != 0x7F:
			n = 2
		case data[i+1] >= 0x30 && data[i+1] <= 0x39 && i+3 < len(data) &&
			data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39:
			n = 4
		}
		if n == 0 {
			return i
		}
		if fn != nil {
			fn(i, n)
		}
		i += n
	}
	return -1
}

// fromGB18030 decodes data as GB18030 (a superset of GBK and GB2312). It
// fails with the offset of the first invalid sequence rather than replace it
// with U+FFFD, as x/text would.
func fromGB18030(data []byte) (string, int, bool) {
	if off := gbSequences(data, nil); off >= 0 {
		return "", off, false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		// A structurally valid four-byte code outside Unicode's range.
		return "", firstReplaced(data), false
	}
	return string(out), -1, true
}

// firstReplaced finds the offset of the first GB18030 sequence that does not
// decode to a real character.
func firstReplaced(data []byte) int {
	dec := simplifiedchinese.GB18030.NewDecoder()
	found := -1
	gbSequences(data, func(off, n int) {
		if found >= 0 || n == 1 {
			return
		}
		out, err := dec.Bytes(data[off : off+n])
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			found = off
		}
	})
	return max(found, 0)
}

// gbPlausible reports whether the double-byte sequences of data fall mostly
// in GB2312's range (both bytes 0xA1–0xFE), as Simplified text encoded in
// GBK does. Big5 text also parses as GBK, but half its trail bytes are below
// 0xA1, so it decodes to rare characters: mojibake.
func gbPlausible(data []byte) bool {
	var double, gb2312 int
	gbSequences(data, func(off, n int) {
		if n != 2 {
			return
		}
		double++
		if data[off] >= 0xA1 && data[off+1] >= 0xA1 {
			gb2312++
		}
	})
	return double == 0 || gb2312*10 >= double*7
}

// big5Better reports whether data decodes as Big5 without replacement
// characters, the sign of Traditional text from Taiwan or Hong Kong.
func big5Better(data []byte) bool {
	_, ok := fromBig5(data)
	return ok
}

// fromBig5 decodes data as Big5, failing on any unmapped sequence.
func fromBig5(data []byte) (string, bool) {
	out, err := traditionalchinese.Big5.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// isBig5Label reports whether an HTML charset label names Big5.
func isBig5Label(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	return l == "big5" || l == "big5-hkscs" || l == "x-x-big5"
}
