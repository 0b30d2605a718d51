package clause

// hanDigits maps the Chinese digits used in clause labels to their values.
var hanDigits = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// isHanNumeral reports whether r can be part of a Chinese numeral label.
func isHanNumeral(r rune) bool {
	_, ok := hanDigits[r]
	return ok || r == '十' || r == '百'
}

// hanNumber parses a Chinese numeral from 一 to 九百九十九 (十一, 二十, 一百零一).
// Digit-by-digit forms (二〇二三) are not clause labels and are rejected.
func hanNumber(s string) (int, bool) {
	total, cur, digits := 0, -1, 0
	for _, r := range s {
		switch {
		case r == '百':
			if cur < 0 {
				cur = 1
			}
			total += cur * 100
			cur, digits = -1, 0
		case r == '十':
			if cur < 0 {
				cur = 1
			}
			total += cur * 10
			cur, digits = -1, 0
		default:
			d, ok := hanDigits[r]
			if !ok {
				return 0, false
			}
			if d == 0 {
				cur, digits = -1, 0
				continue
			}
			if digits > 0 {
				return 0, false
			}
			cur, digits = d, 1
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, total > 0
}

// isDigit reports whether r is an ASCII or full-width decimal digit.
func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

// digitValue returns the value of an ASCII or full-width digit.
func digitValue(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

// arabicNumber parses up to three ASCII or full-width digits.
func arabicNumber(s string) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		if !isDigit(r) {
			return 0, false
		}
		n = n*10 + digitValue(r)
		count++
	}
	return n, count > 0 && count <= 3 && n > 0
}

// circledNumber returns 1–20 for ①–⑳ and 0 for any other rune.
func circledNumber(r rune) int {
	if r >= '①' && r <= '⑳' {
		return int(r-'①') + 1
	}
	return 0
}
