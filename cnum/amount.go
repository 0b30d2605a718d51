package cnum

// Amount is a sum of money written in the text.
type Amount struct {
	// Yuan is the amount, or the upper bound of a range, rounded to the
	// unit of Currency (yuan for 元).
	Yuan int64
	// MinYuan is the lower bound of a range ("10万元至20万元", "10-20万元",
	// "10～20万元", "10万—20万元"), else nil.
	MinYuan *int64
	// Value is the amount (upper bound) before rounding: 0.05元 is Yuan 0
	// but Value 0.05, as in "每进口1美元资助0.05元".
	Value float64
	// Currency is "" for 元 (CNY), else an ISO 4217 code: USD for 美元,
	// EUR, HKD, JPY, GBP.
	Currency   string
	Text       string // the matched text, input[Start:End]
	Start, End int    // byte span of the match in the input
}

// FindAmounts returns every sum of money in text, in order: 100万元,
// 五十万元, 1.5亿元, 3000元, 2万余元, "100 万元", 100万美元, and ranges as one
// Amount. Thresholds ("2000万元以下") are amounts too: deciding what an
// amount means is the caller's job. Vague sums without a number (数百万元,
// 亿元) are skipped.
func FindAmounts(text string) []Amount {
	var out []Amount
	for _, m := range findMeasures(text) {
		if m.unit.kind != kindMoney {
			continue
		}
		a, ok := m.amount(text)
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// amount converts a money measure, dropping amounts that overflow int64.
func (m measure) amount(text string) (Amount, bool) {
	v, ok := m.v.round()
	if !ok {
		return Amount{}, false
	}
	a := Amount{Yuan: v, Value: m.v.float(), Currency: m.unit.currency, Text: text[m.start:m.end], Start: m.start, End: m.end}
	if m.hasMin {
		lo, ok := m.min.round()
		if !ok {
			return Amount{}, false
		}
		a.MinYuan = &lo
	}
	return a, true
}
