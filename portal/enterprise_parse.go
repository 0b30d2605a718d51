package portal

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// clean folds what people type into what the parsers read: full-width
// digits and signs to ASCII, thousands separators and spaces dropped.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．' || r == '。':
			return '.'
		case r == '－':
			return '-'
		case r == ',' || r == '，' || r == ' ' || r == '\u3000' || r == '\t':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// parseInt reads a whole number: "120", "１２０", "1,200".
func parseInt(s string) (int, bool) {
	n, err := strconv.Atoi(clean(s))
	return n, err == nil
}

// moneyUnits are the suffixes an amount may carry, longest first.
var moneyUnits = []struct {
	suffix string
	times  int64
}{{"亿元", 1e8}, {"万元", 1e4}, {"亿", 1e8}, {"万", 1e4}, {"元", 1}}

// parseYuan reads an amount in whole yuan: "52000000", "52,000,000元",
// "5200万", "3.5万元". A fraction of a yuan is refused, not rounded.
func parseYuan(s string) (int64, bool) {
	s = clean(s)
	times := int64(1)
	for _, u := range moneyUnits {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, times = rest, u.times
			break
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/eE") {
		return 0, false
	}
	r.Mul(r, new(big.Rat).SetInt64(times))
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}

// parseDate reads 2019-03-08, 2019/3/8, 2019.3.8 or 2019年3月8日.
func parseDate(s string) (huiqi.Date, bool) {
	s = strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-").Replace(clean(s))
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return huiqi.Date{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return huiqi.Date{}, false
		}
		n[i] = v
	}
	d := huiqi.Date{Year: n[0], Month: n[1], Day: n[2]}
	return d, !d.IsZero() && d.Valid()
}

// parseRegion reads a six-digit code or a region's name (成都市青羊区).
func parseRegion(s string) (region.Region, bool) {
	s = clean(s)
	if r, ok := region.Lookup(s); ok {
		return r, true
	}
	if len(s) == 6 {
		return region.Region{}, false
	}
	return region.Resolve(s)
}

// parseIndustry reads a code (I6513, 6513, C) or the exact name of a class.
func parseIndustry(s string) (industry.Industry, bool) {
	s = clean(s)
	if code, ok := industry.Normalize(s); ok {
		return industry.Lookup(code)
	}
	var found industry.Industry
	n := 0
	for _, i := range industry.All() {
		if i.Name == s {
			found, n = i, n+1
		}
	}
	return found, n == 1
}

// parseYesNo reads the value of a 是/否 radio group: yes, no, or unanswered.
func parseYesNo(s string) (*bool, bool) {
	switch s {
	case "yes":
		t := true
		return &t, true
	case "no":
		f := false
		return &f, true
	case "":
		return nil, true
	}
	return nil, false
}
