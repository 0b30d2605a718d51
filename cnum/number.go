package cnum

import "strings"

// numTok is one numeral found in text, with any multipliers after it.
type numTok struct {
	v          dec
	start, end int
	han        bool // written in Chinese characters
	digitwise  bool // Chinese digits read one by one (二〇二三)
	mult       bool // scaled by 百/千/万/亿, in Chinese or after digits
	integer    bool // Arabic integer without decimals or multiplier
}

// ParseNumber parses a whole string as a numeral: "50", "1,200", "1.5",
// "五十", "一千二百", "两万", "二〇二三" (digit by digit), "3万", "1.5亿",
// "1千", "１２", "二点五", "百分之二十" (20) and "20%" (20). ok is false
// when s is anything else.
func ParseNumber(s string) (v float64, ok bool) {
	s = strings.Trim(s, " \t\u3000\u00a0")
	if rest, found := strings.CutPrefix(s, "百分之"); found {
		s = rest
	} else if rest, found := strings.CutSuffix(s, "%"); found {
		s = rest
	} else if rest, found := strings.CutSuffix(s, "％"); found {
		s = rest
	}
	tok, _, ok := scanNumber(s, 0)
	if !ok {
		return 0, false
	}
	d, end := hanDecimals(s, tok) // 二点五: safe here, the whole string is a number
	if end != len(s) {
		return 0, false
	}
	return d.float(), true
}

// scanNumber reads the numeral starting at byte i. When there is none, next
// is where scanning should resume: past the whole run of digits or numeral
// characters, so that "十四五" is never re-read as "四五".
func scanNumber(s string, i int) (tok numTok, next int, ok bool) {
	r, _ := runeAt(s, i)
	switch {
	case digitOf(r) >= 0:
		tok, next, ok = scanArabic(s, i)
		if ok {
			tok = scanMultipliers(s, tok)
		}
		return tok, next, ok
	case isHan(r):
		return scanHan(s, i)
	}
	_, n := runeAt(s, i)
	return tok, i + max(n, 1), false
}

// scanArabic reads digits with optional thousands commas and one decimal point.
func scanArabic(s string, i int) (numTok, int, bool) {
	tok := numTok{start: i, integer: true}
	var m int64
	digits, frac, point := 0, 0, false
	j := i
	for {
		r, n := runeAt(s, j)
		if d := digitOf(r); d >= 0 {
			digits++
			if digits > 17 {
				return tok, skipDigits(s, j), false
			}
			m = m*10 + int64(d)
			if point {
				frac++
			}
			j += n
			continue
		}
		if (r == '.' || r == '．') && !point && startsDigit(s, j+n) {
			point, tok.integer = true, false
			j += n
			continue
		}
		if r == ',' && !point && thousandsGroup(s, j+1) {
			j++
			continue
		}
		break
	}
	tok.v, tok.end = dec{m, -frac}, j
	return tok, j, true
}

// startsDigit reports whether an Arabic digit starts at byte i.
func startsDigit(s string, i int) bool {
	r, _ := runeAt(s, i)
	return digitOf(r) >= 0
}

// thousandsGroup reports whether exactly three digits start at byte i, as
// after the comma in "1,200" (and not in the list "1,2").
func thousandsGroup(s string, i int) bool {
	for k := 0; k < 3; k++ {
		if i+k >= len(s) || s[i+k] < '0' || s[i+k] > '9' {
			return false
		}
	}
	return !startsDigit(s, i+3)
}

// skipDigits returns the end of the run of digits and points at byte i.
func skipDigits(s string, i int) int {
	for {
		r, n := runeAt(s, i)
		if n == 0 || (digitOf(r) < 0 && r != '.' && r != '．' && r != ',') {
			return i
		}
		i += n
	}
}
