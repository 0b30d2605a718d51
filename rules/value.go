package rules

import (
	"fmt"
	"math/big"

	"github.com/huiqi-dev/huiqi"
)

// kind is the kind of a value.
type kind uint8

const (
	kNum kind = iota + 1
	kDate
	kBool
	kText
	kDur
)

// unit is the unit of a number. uPlain (a bare number) agrees with any.
type unit uint8

const (
	uPlain unit = iota
	uMoney      // yuan
	uRatio
	uPeople
	uScore
	uCount
)

var unitNames = map[unit]string{uPlain: "number", uMoney: "money", uRatio: "ratio", uPeople: "people", uScore: "score", uCount: "count"}

// value is a known value. A number is an interval [lo, hi] of exact
// rationals, a point when lo == hi (a score table may give a range).
type value struct {
	kind   kind
	unit   unit
	lo, hi *big.Rat
	date   huiqi.Date
	b      bool
	s      string
	dur    duration
}

// duration is a span of years, months and days for date arithmetic.
type duration struct{ years, months, days int }

func num(r *big.Rat, u unit) value { return value{kind: kNum, unit: u, lo: r, hi: r} }

func numInt(n int64, u unit) value { return num(new(big.Rat).SetInt64(n), u) }

func (v value) point() bool { return v.kind == kNum && v.lo.Cmp(v.hi) == 0 }

// unitScale gives the unit and the factor of a literal's suffix.
var unitScale = map[string]struct {
	u     unit
	scale int64
	den   int64
}{
	"":   {uPlain, 1, 1},
	"元":  {uMoney, 1, 1},
	"万元": {uMoney, 10000, 1},
	"亿元": {uMoney, 100000000, 1},
	"%":  {uRatio, 1, 100},
	"人":  {uPeople, 1, 1},
	"分":  {uScore, 1, 1},
	"项":  {uCount, 1, 1},
	"个":  {uCount, 1, 1},
}

// numValue reads a literal: digits with an optional unit suffix.
func numValue(text, suffix string) (value, error) {
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return value{}, fmt.Errorf("malformed number %q", text)
	}
	switch suffix {
	case "年", "月", "日":
		if !r.IsInt() || r.Num().BitLen() > 16 {
			return value{}, fmt.Errorf("a duration must be a small whole number: %s%s", text, suffix)
		}
		n := int(r.Num().Int64())
		d := map[string]duration{"年": {years: n}, "月": {months: n}, "日": {days: n}}[suffix]
		return value{kind: kDur, dur: d}, nil
	}
	s := unitScale[suffix]
	r.Mul(r, big.NewRat(s.scale, s.den))
	return num(r, s.u), nil
}

func dateValue(text string) (value, error) {
	d, err := huiqi.ParseDate(text)
	if err != nil {
		return value{}, err
	}
	return value{kind: kDate, date: d}, nil
}

// addDur moves d by dur; a day that does not exist (29 Feb) falls back to
// the month's last day.
func addDur(d huiqi.Date, dur duration, sign int) huiqi.Date {
	y, m := d.Year+sign*dur.years, d.Month+sign*dur.months
	for m < 1 {
		m += 12
		y--
	}
	for m > 12 {
		m -= 12
		y++
	}
	day := min(d.Day, daysIn(y, m))
	out := huiqi.Date{Year: y, Month: m, Day: day}
	if dur.days != 0 {
		out = fromTime(toTime(out).AddDate(0, 0, sign*dur.days))
	}
	return out
}

// dateCmp orders two dates.
func dateCmp(a, b huiqi.Date) int {
	switch {
	case a.Year != b.Year:
		return cmpInt(a.Year, b.Year)
	case a.Month != b.Month:
		return cmpInt(a.Month, b.Month)
	}
	return cmpInt(a.Day, b.Day)
}

func cmpInt(a, b int) int {
	if a < b {
		return -1
	} else if a > b {
		return 1
	}
	return 0
}
