package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/window"
)

// checkAssumption validates the look-ahead flags before any file is read.
func checkAssumption(a rules.Assumption) error {
	if a.Growth != rules.GrowthLastYear && a.Growth != rules.GrowthNone {
		return fmt.Errorf("--growth %q: want %s or %s", a.Growth, rules.GrowthLastYear, rules.GrowthNone)
	}
	if a.Years < 1 || a.Years > 10 {
		return fmt.Errorf("--years %d: want 1 to 10", a.Years)
	}
	return nil
}

// loadWindows is the embedded windows, with those of path laid over them;
// a rule the file names that no set has is a warning (a typo is likely).
func loadWindows(e *env, path string, sets []*rules.Set) (*window.Table, error) {
	t, err := window.Default()
	if err != nil || path == "" {
		return t, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	over, err := window.Parse(path, data)
	if err != nil {
		return nil, err
	}
	for _, id := range over.Rules() {
		known := false
		for _, s := range sets {
			known = known || s.ID == id
		}
		if !known {
			fmt.Fprintf(e.stderr, "huiqi: 提示: %s: 规则 %s 不在规则集中，其申报窗口未使用\n", path, id)
		}
	}
	return t.Override(over), nil
}

// writeOutlook prints when the qualification could be applied for, why,
// and under which assumptions.
func writeOutlook(w io.Writer, o *huiqi.Outlook) {
	win := windowWords(o.Window)
	switch o.Status {
	case huiqi.OutlookEligible:
		fmt.Fprintf(w, "  现在即可申报（%s）\n", win)
		if len(o.Conditions) == 0 {
			return
		}
		fmt.Fprintln(w, "  提示：")
		for _, c := range o.Conditions {
			fmt.Fprintf(w, "    · %s：%s\n", c.Label, c.Reason)
		}
		writeAssumptions(w, o)
		return
	case huiqi.OutlookReachable:
		fmt.Fprintf(w, "  最早可于 %s 申报（%s）\n", o.Earliest, win)
	case huiqi.OutlookWithNeeds:
		fmt.Fprintf(w, "  若达到下列数额，最早可于 %s 申报（%s）\n", o.Earliest, win)
	case huiqi.OutlookUndecided:
		fmt.Fprintf(w, "  %s最早可能于 %s 申报，取决于%s（%s）\n", needsWords(o), o.Earliest, decideWords(o.Decide), win)
	default:
		fmt.Fprintf(w, "  按当前假设，至 %s 仍不能申报（仅靠时间和增长无法满足）\n", o.Horizon)
	}
	if !o.Possible.IsZero() {
		fmt.Fprintf(w, "  若%s的回答有利，最早可能于 %s 申报\n", strings.TrimPrefix(decideWords(o.Decide), "："), o.Possible)
	}
	if len(o.Conditions) > 0 {
		fmt.Fprintln(w, "  原因：")
		for _, c := range o.Conditions {
			fmt.Fprintf(w, "    · %s：%s\n", c.Label, c.Reason)
		}
	}
	writeAssumptions(w, o)
}

func writeAssumptions(w io.Writer, o *huiqi.Outlook) {
	fmt.Fprintln(w, "  假设：")
	for _, a := range o.Assumptions {
		fmt.Fprintf(w, "    · %s\n", a)
	}
}

// windowWords names a window: 下一申报窗口 2027年第一批 2027-05-01 至 2027-06-30.
func windowWords(w *huiqi.Window) string {
	if w == nil {
		return "未配置申报窗口，请以当地申报通知为准"
	}
	s := fmt.Sprintf("下一申报窗口 %s %s 至 %s", w.Name, w.Opens, w.Closes)
	if w.Default {
		s += "，默认窗口，请以当地申报通知为准"
	} else if r, ok := region.Lookup(w.Region); ok {
		s += "，" + r.FullName + "配置"
	}
	return s
}

// decideWords names the first two fields that decide: "：A、B 等 6 项".
func decideWords(fs []huiqi.Field) string {
	if len(fs) == 0 {
		return "下列待定条件（如专家评分）"
	}
	s := "：" + fieldList(fs[:min(2, len(fs))])
	if len(fs) > 2 {
		s += fmt.Sprintf(" 等 %d 项", len(fs))
	}
	return s
}

// needsWords is "若达到下列数额，" when a condition states a need.
func needsWords(o *huiqi.Outlook) string {
	for _, c := range o.Conditions {
		if c.Need != nil {
			return "若达到下列数额，"
		}
	}
	return ""
}

// metOnByID are the outlook's first dates met, by condition id.
func metOnByID(o *huiqi.Outlook) map[string]huiqi.Date {
	if o == nil {
		return nil
	}
	out := map[string]huiqi.Date{}
	for _, c := range o.Conditions {
		if c.ID != "" && !c.MetOn.IsZero() {
			out[c.ID] = c.MetOn
		}
	}
	return out
}
