package rules

import (
	"fmt"
	"math/big"

	"github.com/huiqi-dev/huiqi"
)

// StackLine is one measure's place in a total: the part of its amount that
// counts and, when not all of it does, why.
type StackLine struct {
	RuleID, Name string
	Verdict      huiqi.Verdict
	Min, Max     int64 // the part counted
	Reason       string
}

// Stacked is the total several measures could give together.
type Stacked struct {
	Min, Max int64
	Lines    []StackLine
}

// Stack adds the amounts of assessed measures under the stacking rules:
// only eligible and unknown verdicts count (an unknown one adds to Max
// only); within an exclusive group (就高不重复, 同一事项不重复享受) only the
// highest counts; a yearly-cap group's sum is clamped to its cap (the
// smallest cap its measures state).
func Stack(as []huiqi.Assessment) Stacked {
	lines := make([]StackLine, 0, len(as))
	for _, a := range as {
		l := StackLine{RuleID: a.RuleID, Name: a.Name, Verdict: a.Verdict}
		switch {
		case a.Amount == nil || len(a.Amount.Missing) > 0:
			l.Reason = "金额未知"
		case a.Verdict == huiqi.Eligible:
			l.Min, l.Max = a.Amount.Min, a.Amount.Max
		case a.Verdict == huiqi.Undecided:
			l.Max, l.Reason = a.Amount.Max, "条件待定，仅计入上限"
		default:
			l.Reason = "不符合条件"
		}
		lines = append(lines, l)
	}
	exclusive(as, lines)
	capped(as, lines)
	var out Stacked
	for _, l := range lines {
		out.Min += l.Min
		out.Max += l.Max
	}
	out.Lines = lines
	return out
}

// exclusive keeps only the highest line of each exclusive group.
func exclusive(as []huiqi.Assessment, lines []StackLine) {
	best := map[string]int{}
	for i, a := range as {
		if a.Amount == nil || a.Amount.Exclusive == "" || lines[i].Max == 0 {
			continue
		}
		g := a.Amount.Exclusive
		j, ok := best[g]
		if !ok {
			best[g] = i
			continue
		}
		loser := i
		if lines[i].Max > lines[j].Max || lines[i].Max == lines[j].Max && lines[i].Min > lines[j].Min {
			best[g], loser = i, j
		}
		lines[loser].Min, lines[loser].Max = 0, 0
		lines[loser].Reason = fmt.Sprintf("与同组（%s）就高不重复享受", g)
	}
}

// capped clamps each yearly-cap group to its cap, taking the excess from
// the group's last lines first.
func capped(as []huiqi.Assessment, lines []StackLine) {
	caps := map[string]int64{}
	for _, a := range as {
		if am := a.Amount; am != nil && am.CapGroup != "" {
			if c, ok := caps[am.CapGroup]; !ok || am.CapYuan < c {
				caps[am.CapGroup] = am.CapYuan
			}
		}
	}
	for _, g := range sortedKeys(caps) {
		var lo, hi int64
		for i := len(as) - 1; i >= 0; i-- {
			if am := as[i].Amount; am == nil || am.CapGroup != g {
				continue
			}
			lo, hi = lo+lines[i].Min, hi+lines[i].Max
		}
		cut := func(total int64, get func(*StackLine) *int64) {
			for i := len(as) - 1; i >= 0 && total > caps[g]; i-- {
				if am := as[i].Amount; am == nil || am.CapGroup != g {
					continue
				}
				v := get(&lines[i])
				d := min(*v, total-caps[g])
				*v -= d
				total -= d
				if d > 0 {
					lines[i].Reason = fmt.Sprintf("%s年度合计上限 %s", g, formatNum(big.NewRat(caps[g], 1), uMoney))
				}
			}
		}
		cut(lo, func(l *StackLine) *int64 { return &l.Min })
		cut(hi, func(l *StackLine) *int64 { return &l.Max })
	}
}
