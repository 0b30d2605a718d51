package decode

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// toUTF8 detects the encoding of data and returns it as UTF-8 text with the
// label Source.Encoding reports. declared is a charset the container names
// (an HTML <meta charset>), or "". The order is: byte-order mark, UTF-16 by
// its NUL pattern, valid UTF-8, the declared charset when it decodes
// cleanly, GB18030, Big5. A declaration never overrides the bytes: pages
// often declare gb2312 and are served as UTF-8, or the reverse.
func toUTF8(name string, data []byte, declared string) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return checkUTF8(name, data[3:], "utf-8-bom", 3)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fromUTF16(name, data[2:], false, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fromUTF16(name, data[2:], true, "utf-16be")
	}
	if be, ok := utf16ByNULs(data); ok {
		if be {
			return fromUTF16(name, data, true, "utf-16be")
		}
		return fromUTF16(name, data, false, "utf-16le")
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if off, ok := damagedUTF8(data); ok {
		// UTF-8 Chinese with a damaged byte also parses as GB18030, into
		// mojibake: report the damage instead.
		return "", "", huiqi.Errorf(huiqi.EINVALID,
			"%s: UTF-8 text with an invalid byte at offset %d: the file is damaged or mixes encodings", name, off)
	}
	if isBig5Label(declared) {
		if s, ok := fromBig5(data); ok {
			return s, "big5", nil
		}
	}
	s, off, ok := fromGB18030(data)
	if ok && (gbPlausible(data) || !big5Better(data)) {
		return s, "gb18030", nil
	}
	if s, ok := fromBig5(data); ok {
		return s, "big5", nil
	}
	if ok {
		return s, "gb18030", nil
	}
	return "", "", huiqi.Errorf(huiqi.EINVALID,
		"%s: neither UTF-8 nor GB18030 (invalid byte at offset %d): save it as UTF-8", name, off)
}

// damagedUTF8 reports whether data is UTF-8 text with a few invalid bytes:
// far more valid multi-byte sequences than invalid bytes. GBK and Big5 text
// forms almost no valid UTF-8 multi-byte sequence. It returns the offset of
// the first invalid byte.
func damagedUTF8(data []byte) (int, bool) {
	first, bad, multi := -1, 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
			if first < 0 {
				first = i
			}
			n = 1
		case n > 1:
			multi++
		}
		i += n
	}
	return first, first >= 0 && multi >= 8 && bad*20 < multi
}

// checkUTF8 returns data as text when it is valid UTF-8; skip is the number
// of bytes before data in the file, for the error's offset.
func checkUTF8(name string, data []byte, label string, skip int) (string, string, error) {
	if utf8.Valid(data) {
		return string(data), label, nil
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return "", "", huiqi.Errorf(huiqi.EINVALID,
		"%s: marked UTF-8 by its byte-order mark but invalid at byte offset %d", name, off+skip)
}

// utf16ByNULs reports whether data looks like UTF-16 without a byte-order
// mark: text with ASCII in it (digits, line breaks, punctuation) has a NUL
// in every ASCII code unit, all on the same side of the pair. UTF-8 and GBK
// text has no NUL at all, so even 1% of units (a line break per paragraph
// of Chinese) is enough.
func utf16ByNULs(data []byte) (bigEndian, ok bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return false, false
	}
	sample := data[:min(len(data), 8192)]
	var even, odd int
	for i, b := range sample {
		if b != 0 {
			continue
		}
		if i%2 == 0 {
			even++
		} else {
			odd++
		}
	}
	units := len(sample) / 2
	switch {
	case odd >= 2 && odd*100 >= units && even*3 <= odd:
		return false, true
	case even >= 2 && even*100 >= units && odd*3 <= even:
		return true, true
	}
	return false, false
}

// fromUTF16 decodes UTF-16 code units, rejecting unpaired surrogates.
func fromUTF16(name string, data []byte, bigEndian bool, label string) (string, string, error) {
	if len(data)%2 != 0 {
		return "", "", huiqi.Errorf(huiqi.EINVALID, "%s: %s text with an odd number of bytes (%d)", name, label, len(data))
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000:
			i++
		case u >= 0xD800 && u < 0xE000:
			return "", "", huiqi.Errorf(huiqi.EINVALID, "%s: %s text with an unpaired surrogate at byte offset %d", name, label, 2*i)
		}
	}
	return string(utf16.Decode(units)), label, nil
}
