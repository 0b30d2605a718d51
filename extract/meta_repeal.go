package extract

import (
	"regexp"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

var (
	reRepealVerb = regexp.MustCompile(`同时废止|予以废止|即行废止|停止执行|不再执行|同时失效|自行失效|废止`)
	reQuoted     = regexp.MustCompile(`《([^《》]{2,120})》`)
)

// findRepeals returns the documents a sentence declares repealed or replaced.
func findRepeals(d *doc) []huiqi.Repeal {
	var out []huiqi.Repeal
	for _, s := range d.sentences {
		t := d.str(s)
		if !strings.Contains(t, "废止") && !strings.Contains(t, "执行") && !strings.Contains(t, "失效") || !reRepealVerb.MatchString(t) {
			continue
		}
		verb := reRepealVerb.FindStringIndex(t)
		titles := reQuoted.FindAllStringSubmatchIndex(t[:verb[0]], -1)
		nums := reDocNumber.FindAllStringIndex(t[:verb[0]], -1)
		if len(titles) == 0 && len(nums) == 0 {
			continue
		}
		if len(titles) == 0 {
			for _, n := range nums {
				out = append(out, huiqi.Repeal{DocNumber: t[n[0]:n[1]], Text: t, Span: huiqi.Span{Start: s.start, End: s.end}})
			}
			continue
		}
		for _, q := range titles {
			r := huiqi.Repeal{Title: t[q[2]:q[3]], Text: t, Span: huiqi.Span{Start: s.start, End: s.end}}
			// The number written right after the title belongs to it.
			after := t[q[1]:min(len(t), q[1]+60)]
			if n := reDocNumber.FindStringIndex(after); n != nil && n[0] <= 6 {
				r.DocNumber = strings.TrimSpace(after[n[0]:n[1]])
			}
			out = append(out, r)
		}
	}
	return out
}

func dateTime(d huiqi.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}
