package cnum

import "unicode/utf8"

// digitOf returns the value of an Arabic digit, half- or full-width, or -1.
func digitOf(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// hanDigit returns the value of a Chinese digit (including the financial
// forms and 两), or -1.
func hanDigit(r rune) int {
	switch r {
	case '零', '〇', '○':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰':
		return 2
	case '三', '叁':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// hanUnit returns the power of ten of a Chinese unit character (十 1, 百 2,
// 千 3, 万 4, 亿 8), or 0.
func hanUnit(r rune) int {
	switch r {
	case '十', '拾':
		return 1
	case '百', '佰':
		return 2
	case '千', '仟':
		return 3
	case '万', '萬':
		return 4
	case '亿':
		return 8
	}
	return 0
}

// isHan reports whether r can be part of a Chinese numeral.
func isHan(r rune) bool { return hanDigit(r) >= 0 || hanUnit(r) > 0 }

// isSpace reports whether r is a space that may sit inside a number phrase
// ("100 万元", "2023 年 4 月"); line breaks never do.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' }

// isRangeSep reports whether r separates the two ends of a range.
func isRangeSep(r rune) bool {
	switch r {
	case '-', '－', '—', '–', '‐', '~', '～', '〜', '至', '到':
		return true
	}
	return false
}

// isASCIILetter reports whether r is an ASCII letter.
func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// runeAt decodes the rune at byte i; size 0 at the end of s.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune ending at byte i; size 0 at the start of s.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// skipSpaces returns the first byte at or after i that is not a space.
func skipSpaces(s string, i int) int {
	for {
		r, n := runeAt(s, i)
		if n == 0 || !isSpace(r) {
			return i
		}
		i += n
	}
}
