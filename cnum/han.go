package cnum

// maxHanRunes bounds a Chinese numeral; longer runs of numeral characters are
// not numbers (and would overflow).
const maxHanRunes = 20

// parseHan parses a run of Chinese numeral characters. Runs without unit
// characters of two or more digits are read digit by digit ("二〇二三" is 2023)
// and flagged so callers can treat them as years or codes, not quantities.
func parseHan(rs []rune) (v int64, digitwise, ok bool) {
	if len(rs) == 0 || len(rs) > maxHanRunes {
		return 0, false, false
	}
	for _, r := range rs {
		if hanUnit(r) > 0 {
			v, ok = parseHanPositional(rs)
			return v, false, ok
		}
	}
	for _, r := range rs {
		v = v*10 + int64(hanDigit(r))
	}
	return v, len(rs) > 1, true
}

// hanState accumulates a positional numeral: total holds whole 万/亿
// sections, section the part below 万, digit a pending digit or -1.
type hanState struct {
	total, section, digit int64
	lastSmall, prevPow    int // last 十/百/千 power in this section; power before the pending digit
	zero, wan             bool
}

// parseHanPositional parses numerals with unit characters: 一千二百, 两万,
// 十, 二十五, 一亿二千万, and the colloquial 一万五 (15000).
func parseHanPositional(rs []rune) (int64, bool) {
	st := hanState{digit: -1, lastSmall: 4}
	for _, r := range rs {
		if !st.add(r) {
			return 0, false
		}
	}
	if st.digit >= 0 {
		if !st.zero && st.prevPow > 0 {
			st.section += st.digit * pow10(st.prevPow-1)
		} else {
			st.section += st.digit
		}
	}
	v := st.total + st.section
	return v, v > 0 || len(rs) == 1
}

// add consumes one rune; false means the run is not a well-formed numeral.
func (st *hanState) add(r rune) bool {
	if d := int64(hanDigit(r)); d >= 0 {
		if st.digit >= 0 {
			return false // two digits in a row: 十四五
		}
		if d == 0 {
			st.zero, st.prevPow = true, 0
			return true
		}
		st.digit = d
		return true
	}
	p := hanUnit(r)
	if p <= 3 {
		return st.small(p)
	}
	return st.big(p)
}

// small handles 十, 百, 千 inside a section.
func (st *hanState) small(p int) bool {
	if st.digit < 0 {
		if p != 1 || st.section != 0 {
			return false // bare 百, 千; 十 alone means 一十
		}
		st.digit = 1
	}
	if p >= st.lastSmall {
		return false
	}
	st.section += st.digit * pow10(p)
	st.digit, st.lastSmall, st.prevPow, st.zero = -1, p, p, false
	return true
}

// big handles 万 and 亿, which close a section.
func (st *hanState) big(p int) bool {
	if st.digit >= 0 {
		st.section += st.digit
		st.digit = -1
	}
	if p == 4 {
		if st.section == 0 || st.wan {
			return false
		}
		st.total += st.section * 1e4
		st.wan = true
	} else {
		sum := st.total + st.section
		if sum == 0 || sum > maxMantissa/1e8 {
			return false
		}
		st.total = sum * 1e8
		st.wan = false
	}
	st.section, st.lastSmall, st.prevPow, st.zero = 0, 4, p, false
	return true
}

// pow10 returns 10^p for small p.
func pow10(p int) int64 {
	v := int64(1)
	for ; p > 0; p-- {
		v *= 10
	}
	return v
}
