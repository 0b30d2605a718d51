package cnum

import "github.com/huiqi-dev/huiqi"

// DateMatch is a date written in the text.
type DateMatch struct {
	// Date has Month and Day 0 when the text gives only a year or a
	// year and month.
	Date       huiqi.Date
	Text       string // the matched text, input[Start:End]
	Start, End int    // byte span of the match in the input
}

// FindDates returns the dates in text, in order: 2023年7月12日, 2023年7月,
// 二〇二三年七月十二日, 2023-08-03, 2023.7.12, 2023/7/12 and spaced forms
// ("2023 年 4 月 18 日"). A year alone ("2025年") comes back with Month and
// Day 0. Years are 1900–2099. A day that does not exist (2023年2月30日) is
// dropped and the match ends at the month; a month that does not exist at
// the year.
func FindDates(text string) []DateMatch {
	var out []DateMatch
	for i := 0; i < len(text); {
		r, n := runeAt(text, i)
		if digitOf(r) < 0 && hanDigit(r) < 0 {
			i += n
			continue
		}
		if d, ok := scanDate(text, i); ok {
			out = append(out, d)
			i = d.End
			continue
		}
		i = skipYearRun(text, i)
	}
	return out
}

// skipYearRun returns the end of the run of digits (Arabic or Chinese) at i.
func skipYearRun(s string, i int) int {
	r0, _ := runeAt(s, i)
	arabic := digitOf(r0) >= 0
	for {
		r, n := runeAt(s, i)
		if n == 0 || (arabic && digitOf(r) < 0) || (!arabic && hanDigit(r) < 0) {
			return i
		}
		i += n
	}
}

// scanDate reads a date whose year starts at byte i.
func scanDate(s string, i int) (DateMatch, bool) {
	if prev, _ := runeBefore(s, i); digitOf(prev) >= 0 || hanDigit(prev) >= 0 || prev == '.' {
		return DateMatch{}, false
	}
	year, j, ok := scanYear(s, i)
	if !ok {
		return DateMatch{}, false
	}
	if d, ok := scanSeparated(s, i, year, j); ok {
		return d, true
	}
	k := skipSpaces(s, j)
	if r, n := runeAt(s, k); r == '年' {
		return scanMonthDay(s, i, year, k+n), true
	}
	return DateMatch{}, false
}

// scanYear reads four Arabic digits or four Chinese digits (二〇二三).
func scanYear(s string, i int) (int, int, bool) {
	y, j := 0, i
	for k := 0; k < 4; k++ {
		r, n := runeAt(s, j)
		d := digitOf(r)
		if d < 0 {
			d = hanDigit(r)
		}
		if d < 0 {
			return 0, 0, false
		}
		y, j = y*10+d, j+n
	}
	if r, _ := runeAt(s, j); digitOf(r) >= 0 || isHan(r) {
		return 0, 0, false
	}
	return y, j, y >= 1900 && y <= 2099
}

// scanMonthDay reads "7月12日" after "2023年" (j is just after 年).
func scanMonthDay(s string, start, year, j int) DateMatch {
	d := DateMatch{Date: huiqi.Date{Year: year}, Start: start, End: j}
	mon, k, ok := scanDatePart(s, skipSpaces(s, j), '月')
	if !ok || mon < 1 || mon > 12 {
		return d.withText(s)
	}
	d.Date.Month, d.End = mon, k
	day, k, ok := scanDatePart(s, skipSpaces(s, k), '日', '号')
	full := huiqi.Date{Year: year, Month: mon, Day: day}
	if ok && day >= 1 && full.Valid() {
		d.Date, d.End = full, k
	}
	return d.withText(s)
}

// withText sets Text from the span.
func (d DateMatch) withText(s string) DateMatch {
	d.Text = s[d.Start:d.End]
	return d
}

// scanDatePart reads a month or day number (1–2 Arabic digits or a Chinese
// numeral up to 三十一) followed by spaces and one of the marks.
func scanDatePart(s string, i int, marks ...rune) (int, int, bool) {
	v, j, ok := scanSmall(s, i)
	if !ok {
		return 0, 0, false
	}
	j = skipSpaces(s, j)
	r, n := runeAt(s, j)
	for _, m := range marks {
		if r == m {
			return v, j + n, true
		}
	}
	return 0, 0, false
}

// scanSmall reads 1–2 Arabic digits or up to three Chinese numeral runes.
func scanSmall(s string, i int) (int, int, bool) {
	r, _ := runeAt(s, i)
	if digitOf(r) >= 0 {
		v, j := 0, i
		for k := 0; k < 3; k++ {
			r, n := runeAt(s, j)
			if digitOf(r) < 0 {
				break
			}
			v, j = v*10+digitOf(r), j+n
		}
		return v, j, j-i <= 6 && v < 100
	}
	var rs []rune
	j := i
	for len(rs) < 4 {
		r, n := runeAt(s, j)
		if hanDigit(r) < 0 && hanUnit(r) != 1 {
			break
		}
		rs, j = append(rs, r), j+n
	}
	v, digitwise, ok := parseHan(rs)
	return int(v), j, ok && !digitwise && v < 100
}

// scanSeparated reads 2023-08-03, 2023.7.12 or 2023/7/12 (j is after the year).
func scanSeparated(s string, start, year, j int) (DateMatch, bool) {
	sep, n := runeAt(s, j)
	if sep != '-' && sep != '.' && sep != '/' && sep != '－' && sep != '．' && sep != '／' {
		return DateMatch{}, false
	}
	mon, k, ok := scanArabicSmall(s, j+n)
	if !ok {
		return DateMatch{}, false
	}
	if r, n2 := runeAt(s, k); r == sep {
		day, e, ok := scanArabicSmall(s, k+n2)
		d := huiqi.Date{Year: year, Month: mon, Day: day}
		if ok && day >= 1 && d.Valid() {
			return DateMatch{Date: d, Start: start, End: e}.withText(s), true
		}
	}
	return DateMatch{}, false
}

// scanArabicSmall reads 1–2 Arabic digits not followed by another digit.
func scanArabicSmall(s string, i int) (int, int, bool) {
	r, _ := runeAt(s, i)
	if digitOf(r) < 0 {
		return 0, 0, false
	}
	v, j, ok := scanSmall(s, i)
	if r2, _ := runeAt(s, j); !ok || digitOf(r2) >= 0 {
		return 0, 0, false
	}
	return v, j, true
}
