package cnum

import "strings"

// measure is a number with its unit, possibly a range.
type measure struct {
	v, min     dec
	hasMin     bool
	mult       bool // the number carries its own multiplier
	unit       unitDef
	start, end int
}

// findMeasures scans text for every number followed by a known unit.
func findMeasures(text string) []measure {
	var out []measure
	for i := 0; i < len(text); {
		if !numberStart(text, i) {
			_, n := runeAt(text, i)
			i += n
			continue
		}
		m, next, ok := scanMeasure(text, i)
		if ok {
			out = append(out, m)
		}
		i = next
	}
	return out
}

// numberStart reports whether a numeral or 百分之 may begin at byte i.
func numberStart(s string, i int) bool {
	r, _ := runeAt(s, i)
	return digitOf(r) >= 0 || isHan(r)
}

// scanMeasure reads a measure (or a range of two) starting at byte i. next
// is where scanning resumes, whether or not a measure was found.
func scanMeasure(s string, i int) (measure, int, bool) {
	if strings.HasPrefix(s[i:], "百分之") {
		if m, ok := scanPercentWords(s, i); ok {
			return m, m.end, true
		}
	}
	lo, next, ok := scanSingle(s, i, true)
	if !ok {
		return measure{}, next, false
	}
	if m, ok := scanRange(s, lo); ok {
		return m, m.end, true
	}
	if lo.unit.text == "" {
		return measure{}, next, false
	}
	return lo, lo.end, true
}

// scanSingle reads one number, its multipliers, 余/多, and its unit if any
// (unit.text is "" when none follows). needContext applies the checks on what
// precedes the number; the upper end of a range skips them.
func scanSingle(s string, i int, needContext bool) (measure, int, bool) {
	tok, next, ok := scanNumber(s, i)
	if !ok || tok.digitwise || (needContext && badContext(s, tok)) {
		return measure{}, next, false
	}
	j := skipApprox(s, tok.end)
	if j > tok.end {
		tok.end = j
		tok = scanMultipliers(s, tok)
		tok.end = skipApprox(s, tok.end)
	}
	m := measure{v: tok.v, start: i, end: tok.end, mult: tok.mult}
	if u, end, ok := matchUnit(s, skipSpaces(s, tok.end)); ok && unitFits(s, tok, u) {
		m.unit, m.end = u, end
	}
	return m, max(next, tok.end), true
}

// skipApprox skips 余 or 多 ("2万余元", "100多万元").
func skipApprox(s string, i int) int {
	if r, n := runeAt(s, i); r == '余' || r == '多' {
		return i + n
	}
	return i
}

// badContext rejects numbers that are ordinals (第5条), vague amounts
// (数十万元, 几百家) or parts of codes (A3, GB/T 2260).
func badContext(s string, tok numTok) bool {
	r, n := runeBefore(s, tok.start)
	if isSpace(r) {
		// Look through one space for code prefixes: "GB/T 2260".
		if r2, _ := runeBefore(s, tok.start-n); isASCIILetter(r2) {
			return true
		}
	}
	switch {
	case r == '第':
		return true
	case tok.han && (r == '数' || r == '几'):
		return true // 数十万元; but 基数10万元 is a number
	case r == '图' || r == '表' || r == '附':
		return true // 如图3所示, 附表2
	case isASCIILetter(r) || r == '/' || r == '_':
		return true
	}
	return false
}

// unitFits rejects unit readings that are really something else: years
// (2025年), day numbers after a month (7月12日), and Chinese numerals that
// are words (二元结构).
func unitFits(s string, tok numTok, u unitDef) bool {
	switch {
	case u.unit == "年" && tok.integer && tok.v.m >= 1900 && tok.v.m <= 2099:
		return false
	case u.unit == "日":
		r, _ := runeBefore(s, tok.start)
		return r != '月'
	case tok.han && u.kind == kindMoney && !tok.mult:
		return tok.v.m >= 10
	case tok.han && tok.v.m == 1 && (u.unit == "批" || u.unit == "轮"):
		return false // 一批 and 新一轮 mean "some" and "new", not a count
	case u.unit == "次" && strings.HasPrefix(s[tok.start:], "二次"):
		return false // 二次开发: secondary
	}
	return true
}

// scanRange tries to read "lo-hi unit" after lo: 10-20万元, 10万元至20万元,
// 10万～30万元, 2-3个. The lower end inherits the upper end's multiplier
// when it has none of its own (10-20万元 is 10万 to 20万).
func scanRange(s string, lo measure) (measure, bool) {
	k := skipSpaces(s, lo.end)
	r, n := runeAt(s, k)
	if n == 0 || !isRangeSep(r) {
		return measure{}, false
	}
	k += n
	if r2, n2 := runeAt(s, k); r2 == r && (r == '—' || r == '－') {
		k += n2
	}
	k = skipSpaces(s, k)
	if !numberStart(s, k) {
		return measure{}, false
	}
	hi, _, ok := scanSingle(s, k, false)
	if !ok || hi.unit.text == "" || (lo.unit.text != "" && lo.unit.unit != hi.unit.unit) {
		return measure{}, false
	}
	low := lo.v
	if lo.unit.text == "" && !lo.mult {
		low = inheritScale(s, lo, k)
	}
	if hi.v.less(low) {
		return measure{}, false
	}
	hi.min, hi.hasMin, hi.start = low, true, lo.start
	return hi, true
}

// inheritScale gives the bare lower end of a range the multiplier written
// after the upper end: in "10-20万元" the 10 means 10万, in "三至五万元" 三 means 三万.
func inheritScale(s string, lo measure, hiStart int) dec {
	tok, _, _ := scanNumber(s, hiStart)
	if !tok.mult {
		return lo.v
	}
	if tok.han {
		last, _ := runeBefore(s, tok.end)
		if p := hanUnit(last); p >= 4 {
			return lo.v.shift(p)
		}
		return lo.v
	}
	bare, _, _ := scanArabic(s, hiStart)
	return lo.v.shift(tok.v.e - bare.v.e)
}
