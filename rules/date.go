package rules

import (
	"time"

	"github.com/huiqi-dev/huiqi"
)

func toTime(d huiqi.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) huiqi.Date {
	return huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// daysBetween counts the days from a to b.
func daysBetween(a, b huiqi.Date) int {
	return int(toTime(b).Sub(toTime(a)).Hours() / 24)
}
