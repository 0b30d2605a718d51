package decode

import (
	"regexp"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// dateRE matches a Gregorian date as portals and corpus files write it:
// 2023-08-03, 2023/8/3, 2023.08.03, 2023年8月3日, with or without a time.
var dateRE = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// findDate returns the first real calendar date in s.
func findDate(s string) (huiqi.Date, bool) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return huiqi.Date{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	date := huiqi.Date{Year: y, Month: mo, Day: d}
	if !date.Valid() || y < 1949 || y > 2100 {
		return huiqi.Date{}, false
	}
	return date, true
}
