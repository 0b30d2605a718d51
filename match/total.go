package match

import (
	"fmt"
	"sort"

	"github.com/huiqi-dev/huiqi"
)

// total adds the amounts of the results as rules.Stack does (a test keeps
// them equal, line by line): an eligible amount counts fully, a likely or
// unknown one only toward the maximum; within an exclusive group (就高不重复)
// only the highest counts; a yearly-cap group's sums are clamped to its
// smallest cap, taking the excess from its last lines first. Loans, funds
// and tax measures are listed but never added. It does the work of
// rules.Stack without building a huiqi.Assessment per result, which a
// match of thousands of results cannot afford.
func total(rs []huiqi.MatchResult) huiqi.MatchTotal {
	var lines []huiqi.TotalLine
	var ams []*huiqi.Amount
	for i := range rs {
		r := &rs[i]
		if r.Status == huiqi.MatchNotEligible || r.NotFunding {
			continue
		}
		v := huiqi.Eligible
		if r.Status != huiqi.MatchEligible {
			v = huiqi.Undecided
		}
		lines = append(lines, line(r.MeasureID, v, r.Amount))
		ams = append(ams, r.Amount)
	}
	exclusive(ams, lines)
	capped(ams, lines)
	out := huiqi.MatchTotal{Lines: lines}
	for _, l := range lines {
		out.MinYuan += l.MinYuan
		out.MaxYuan += l.MaxYuan
	}
	if out.Lines == nil {
		out.Lines = []huiqi.TotalLine{}
	}
	return out
}

// line is what counts of one measure before the groups.
func line(id string, v huiqi.Verdict, am *huiqi.Amount) huiqi.TotalLine {
	l := huiqi.TotalLine{MeasureID: id}
	switch {
	case am == nil || len(am.Missing) > 0:
		l.Reason = "金额未知"
	case v == huiqi.Eligible:
		l.MinYuan, l.MaxYuan = am.Min, am.Max
	default:
		l.MaxYuan, l.Reason = am.Max, "条件待定，仅计入上限"
	}
	return l
}

// exclusive keeps only the highest line of each exclusive group.
func exclusive(ams []*huiqi.Amount, lines []huiqi.TotalLine) {
	best := map[string]int{}
	for i, am := range ams {
		if am == nil || am.Exclusive == "" || lines[i].MaxYuan == 0 {
			continue
		}
		j, ok := best[am.Exclusive]
		if !ok {
			best[am.Exclusive] = i
			continue
		}
		loser := i
		if lines[i].MaxYuan > lines[j].MaxYuan || lines[i].MaxYuan == lines[j].MaxYuan && lines[i].MinYuan > lines[j].MinYuan {
			best[am.Exclusive], loser = i, j
		}
		lines[loser].MinYuan, lines[loser].MaxYuan = 0, 0
		lines[loser].Reason = fmt.Sprintf("与同组（%s）就高不重复享受", am.Exclusive)
	}
}

// capped clamps each cap group to its smallest cap, taking the excess
// from the group's last lines first.
func capped(ams []*huiqi.Amount, lines []huiqi.TotalLine) {
	caps := map[string]int64{}
	members := map[string][]int{}
	for i, am := range ams {
		if am != nil && am.CapGroup != "" {
			if c, ok := caps[am.CapGroup]; !ok || am.CapYuan < c {
				caps[am.CapGroup] = am.CapYuan
			}
			members[am.CapGroup] = append(members[am.CapGroup], i)
		}
	}
	groups := make([]string, 0, len(caps))
	for g := range caps {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		is, c := members[g], caps[g]
		cut(lines, is, c, g, func(l *huiqi.TotalLine) *int64 { return &l.MinYuan })
		cut(lines, is, c, g, func(l *huiqi.TotalLine) *int64 { return &l.MaxYuan })
	}
}

func cut(lines []huiqi.TotalLine, is []int, c int64, g string, get func(*huiqi.TotalLine) *int64) {
	var sum int64
	for _, i := range is {
		sum += *get(&lines[i])
	}
	for k := len(is) - 1; k >= 0 && sum > c; k-- {
		v := get(&lines[is[k]])
		d := min(*v, sum-c)
		*v -= d
		sum -= d
		if d > 0 {
			lines[is[k]].Reason = fmt.Sprintf("%s年度合计上限 %s", g, yuan(c))
		}
	}
}

// yuan writes an amount in 万元 when it is whole 万, else in 元.
func yuan(v int64) string {
	if v != 0 && v%10000 == 0 {
		return fmt.Sprintf("%d 万元", v/10000)
	}
	return fmt.Sprintf("%d 元", v)
}
