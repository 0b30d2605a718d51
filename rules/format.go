package rules

import (
	"math/big"
	"strings"
)

// format writes a value for people: 86 万元, 3.1%, 12 人, 2026-05-01, 是.
func format(v value) string {
	switch v.kind {
	case kNum:
		if v.point() {
			return formatNum(v.lo, v.unit)
		}
		return formatNum(v.lo, v.unit) + "～" + formatNum(v.hi, v.unit)
	case kDate:
		if v.date.IsZero() {
			return "无"
		}
		return v.date.String()
	case kBool:
		if v.b {
			return "是"
		}
		return "否"
	case kDur:
		return formatDur(v.dur)
	}
	return v.s
}

var (
	wan = big.NewRat(10000, 1)
	yi  = big.NewRat(100000000, 1)
)

// formatNum writes r in its unit; money in 元, 万元 or 亿元.
func formatNum(r *big.Rat, u unit) string {
	switch u {
	case uMoney:
		abs := new(big.Rat).Abs(r)
		switch {
		case abs.Cmp(yi) >= 0:
			return decimal(quo(r, yi), 4) + " 亿元"
		case abs.Cmp(wan) >= 0:
			return decimal(quo(r, wan), 2) + " 万元"
		}
		return decimal(r, 2) + " 元"
	case uRatio:
		return decimal(mul(r, big.NewRat(100, 1)), 2) + "%"
	case uPeople:
		return decimal(r, 2) + " 人"
	case uScore:
		return decimal(r, 2) + " 分"
	}
	return decimal(r, 2)
}

// decimal writes r with at most prec decimals, trailing zeros trimmed.
func decimal(r *big.Rat, prec int) string {
	s := r.FloatString(prec)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func formatDur(d duration) string {
	var b strings.Builder
	for _, p := range []struct {
		n int
		u string
	}{{d.years, "年"}, {d.months, "个月"}, {d.days, "天"}} {
		if p.n != 0 {
			b.WriteString(decimal(big.NewRat(int64(p.n), 1), 0) + p.u)
		}
	}
	return b.String()
}
