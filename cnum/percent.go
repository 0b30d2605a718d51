package cnum

import "strings"

// scanPercentWords reads "百分之二十" as 20 %, with Chinese decimals
// (百分之二点五) and ranges (百分之三至百分之五, 百分之二至三).
func scanPercentWords(s string, i int) (measure, bool) {
	m, ok := percentWordsAt(s, i)
	if !ok {
		return m, false
	}
	k := skipSpaces(s, m.end)
	r, n := runeAt(s, k)
	if n == 0 || !isRangeSep(r) {
		return m, true
	}
	k = skipSpaces(s, k+n)
	hi, ok := percentWordsAt(s, k)
	if !ok {
		hi, ok = percentNumberAt(s, k, k) // 百分之二至三: the second 百分之 is implied
	}
	if !ok || hi.v.less(m.v) {
		return m, true
	}
	hi.min, hi.hasMin, hi.start = m.v, true, m.start
	return hi, true
}

// percentWordsAt reads 百分之 and its number at byte i.
func percentWordsAt(s string, i int) (measure, bool) {
	if !strings.HasPrefix(s[i:], "百分之") {
		return measure{}, false
	}
	return percentNumberAt(s, i, i+len("百分之"))
}

// percentNumberAt reads the number of a percentage starting at byte j, the
// match starting at byte start.
func percentNumberAt(s string, start, j int) (measure, bool) {
	if !numberStart(s, j) {
		return measure{}, false
	}
	tok, _, ok := scanNumber(s, j)
	if !ok || tok.digitwise {
		return measure{}, false
	}
	v, end := hanDecimals(s, tok)
	return measure{v: v, unit: percentUnit, start: start, end: end}, true
}

// hanDecimals extends a Chinese numeral with 点 and digits read one by one:
// 二点五 is 2.5. Only used after 百分之, where 点 cannot mean "a little".
func hanDecimals(s string, tok numTok) (dec, int) {
	if !tok.han || !strings.HasPrefix(s[tok.end:], "点") {
		return tok.v, tok.end
	}
	v, j := tok.v, tok.end+len("点")
	digits := 0
	for digits < 6 {
		r, n := runeAt(s, j)
		d := hanDigit(r)
		if d < 0 || v.m > maxMantissa/10 {
			break
		}
		v = dec{v.m*10 + int64(d), v.e - 1}
		j, digits = j+n, digits+1
	}
	if digits == 0 {
		return tok.v, tok.end
	}
	return v, j
}
