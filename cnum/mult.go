package cnum

// scanHan reads a run of Chinese numeral characters at byte i.
func scanHan(s string, i int) (numTok, int, bool) {
	var rs []rune
	j := i
	for {
		r, n := runeAt(s, j)
		if n == 0 || !isHan(r) {
			break
		}
		rs = append(rs, r)
		j += n
	}
	v, digitwise, ok := parseHan(rs)
	if !ok {
		return numTok{}, j, false
	}
	tok := numTok{v: dec{v, 0}, start: i, end: j, han: true, digitwise: digitwise}
	for _, r := range rs {
		if hanUnit(r) >= 2 {
			tok.mult = true
		}
	}
	return tok, j, true
}

// scanMultipliers extends tok over 百/千/万/亿 written after it ("3万",
// "1.5亿", "1千万", "100 万"). Spaces are allowed only before the first.
func scanMultipliers(s string, tok numTok) numTok {
	j := skipSpaces(s, tok.end)
	found := false
	for {
		r, n := runeAt(s, j)
		p := hanUnit(r)
		if p < 2 || (p <= 3 && siPrefixed(s, j+n)) {
			break
		}
		tok.v = tok.v.shift(p)
		j += n
		found = true
	}
	if found {
		tok.end, tok.mult, tok.integer = j, true, false
	}
	return tok
}

// siPrefixed reports whether the rune at byte i is a unit that 千/百 prefix
// as a word (千米, 千克, 千瓦), where 千 is not a multiplier of the number.
func siPrefixed(s string, i int) bool {
	r, _ := runeAt(s, i)
	switch r {
	case '米', '克', '瓦', '伏', '帕', '焦', '赫', '卡', '字', '兆':
		return true
	}
	return false
}
