package cnum

// Quantity is a number with its unit, the number in base units: 1.2万人 is
// 12000 人, 5亿元 is 500000000 元, 2.6% is 2.6 %.
type Quantity struct {
	Value float64 // the value, or the upper bound of a range
	// Min is the lower bound of a range ("2-3个"), else nil.
	Min *float64
	// Unit is "元" for money in yuan, the currency word for other money
	// (美元), "%" for percentages (also 百分之十五), "个百分点", or the
	// counter word as written (家 个 项 人 名 件 套 台 亩 平方米 年 …).
	Unit       string
	Text       string // the matched text, input[Start:End]
	Start, End int    // byte span of the match in the input
}

// FindQuantities returns every number-with-unit in text, in order. Numbers
// without a unit are not returned, nor are years (2025年), ordinals (第5条),
// or the numbers inside dates that FindDates finds.
func FindQuantities(text string) []Quantity {
	dates := FindDates(text)
	var out []Quantity
	d := 0 // dates and measures both come in order: walk them together
	for _, m := range findMeasures(text) {
		for d < len(dates) && dates[d].End <= m.start {
			d++
		}
		if d < len(dates) && dates[d].Start <= m.start {
			continue // inside a date
		}
		q := Quantity{Value: m.v.float(), Unit: m.unit.unit, Text: text[m.start:m.end], Start: m.start, End: m.end}
		if m.hasMin {
			lo := m.min.float()
			q.Min = &lo
		}
		out = append(out, q)
	}
	return out
}
