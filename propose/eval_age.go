package propose

import (
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// registered compares the registration date with as_of minus the age, as
// the rule language reckons dates (2024-02-29 − 1年 is 2023-02-28).
func (ctx *evalCtx) registered(c *Cond) huiqi.Status {
	if ctx.e.RegisteredOn.IsZero() {
		return ctx.miss("registered_on", "成立（注册）日期")
	}
	t := monthsBefore(ctx.asOf, c.Value)
	reg := ctx.e.RegisteredOn
	switch c.Op {
	case ">=":
		return boolStatus(!before(reg, t))
	case ">":
		return boolStatus(before(t, reg))
	case "<=":
		return boolStatus(!before(t, reg))
	case "<":
		return boolStatus(before(reg, t))
	}
	return huiqi.Unknown
}

// monthsBefore is d moved back n months; a day the month lacks falls back
// to its last day.
func monthsBefore(d huiqi.Date, n int64) huiqi.Date {
	y, m := d.Year-int(n/12), d.Month-int(n%12)
	if m < 1 {
		m += 12
		y--
	}
	return huiqi.Date{Year: y, Month: m, Day: min(d.Day, daysIn(y, m))}
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// monthsWords writes an age as the rule language's duration: 3年, 6月.
func monthsWords(n int64) string {
	if n%12 == 0 {
		return strconv.FormatInt(n/12, 10) + "年"
	}
	return strconv.FormatInt(n, 10) + "月"
}
