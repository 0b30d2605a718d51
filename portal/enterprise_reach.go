package portal

import (
	"github.com/huiqi-dev/huiqi"
)

// reachView is one national qualification within reach and the measures
// it would open: when it could be held, the next window, the lines.
type reachView struct {
	R      huiqi.Reach
	TotalW string
	Lines  []lineView
	More   int
}

// maxGrowLines is how many measures each qualification within reach
// lists; the rest are counted.
const maxGrowLines = 5

// reachViews lists each qualification's measures, largest amounts first.
func reachViews(rs []huiqi.Reach) []reachView {
	out := make([]reachView, 0, len(rs))
	for _, r := range rs {
		v := reachView{R: r, TotalW: rangeWords(r.Total.MinYuan, r.Total.MaxYuan)}
		parts := map[string]string{}
		for _, l := range r.Total.Lines {
			if l.Reason != "" {
				parts[l.MeasureID] = l.Reason
			}
		}
		for _, res := range r.Results {
			if len(v.Lines) < maxGrowLines {
				l := lineOf(res, parts)
				l.Grow = true
				v.Lines = append(v.Lines, l)
			} else {
				v.More++
			}
		}
		out = append(out, v)
	}
	return out
}
