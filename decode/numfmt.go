package decode

import (
	"strconv"
	"strings"
)

// formatNumber writes n in a Word number format (w:numFmt).
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
		"taiwaneseCountingThousand", "japaneseCounting", "ideographDigital":
		return chineseNumber(n, []rune("零一二三四五六七八九"), []rune("十百千"))
	case "chineseLegalSimplified":
		return chineseNumber(n, []rune("零壹贰叁肆伍陆柒捌玖"), []rune("拾佰仟"))
	case "ideographTraditional":
		return cycle(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return fullWidthDigits(strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "lowerLetter":
		return letters(n, 'a')
	case "upperLetter":
		return letters(n, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	}
	return strconv.Itoa(n)
}

// chineseNumber writes 1–9999 the way clause labels do: 十, 十一, 二十一,
// 一百零一. Larger numbers fall back to digits.
func chineseNumber(n int, digits, units []rune) string {
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	place := []int{1000, 100, 10, 1}
	zero := false
	for i, p := range place {
		d := n / p % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteRune(digits[0])
			zero = false
		}
		if !(p == 10 && d == 1 && b.Len() == 0) { // 十一, not 一十一
			b.WriteRune(digits[d])
		}
		if i < 3 {
			b.WriteRune(units[2-i])
		}
	}
	return b.String()
}

func cycle(n int, symbols string) string {
	rs := []rune(symbols)
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return string(rs[(n-1)%len(rs)])
}

func fullWidthDigits(s string) string {
	return strings.Map(func(r rune) rune { return r - '0' + '０' }, s)
}

// letters writes a, b, …, z, aa, bb, … as Word does.
func letters(n int, a rune) string {
	if n <= 0 || n > 26*10 { // a hostile start value must not build a huge label
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(a+rune((n-1)%26)), (n-1)/26+1)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
