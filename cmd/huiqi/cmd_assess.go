package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
)

const assessHelp = `
Assess evaluates an enterprise profile (JSON or YAML, read and validated
as by huiqi profile check) against every qualification
rule set (高新技术企业, …) as of a date, and prints for each the verdict —
eligible, not_eligible or unknown — and every condition with the value
found, the threshold, the gap, the declarations to confirm and, when the
answer is unknown, the fields to provide, most decisive first.

For each qualification it also says when it could be applied for
("培育后多久能申报成功"): the earliest date every condition is met as time
passes (registration age, fiscal years closing) with the figures of years
to come projected under a stated assumption (--growth last_year: each
figure grows at its last year's rate; --growth none: it stays), what a
figure of the coming year must reach when the projection does not meet a
condition, and the next application window on or after that date. The
windows are embedded defaults, to be configured by each region: --windows
FILE replaces those of the rules and regions it lists (docs/rules.md).`

func runAssess(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "assess", "assess --profile FILE [--as-of YYYY-MM-DD] [--json] [--rules DIR] [--growth last_year|none] [--years N] [--windows FILE]", assessHelp)
	profilePath := fs.String("profile", "", "the enterprise profile `FILE` (JSON or YAML)")
	asOfFlag := fs.String("as-of", "", "evaluate as of this `date` (default: today)")
	asJSON := fs.Bool("json", false, "print the assessments as JSON")
	dir := fs.String("rules", "", "read the rule sets from `DIR` instead of the embedded national ones")
	growth := fs.String("growth", rules.GrowthLastYear, "project the figures of years to come: last_year (each grows at its last year's rate) or none (each stays)")
	years := fs.Int("years", 5, "look this many fiscal `years` ahead (1 to 10)")
	windowsPath := fs.String("windows", "", "application windows `FILE` (YAML) replacing the embedded defaults of the rules and regions it lists")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if *profilePath == "" {
		return fs.usagef("--profile is required")
	}
	asOf, err := asOfDate(*asOfFlag)
	if err != nil {
		return fs.usagef("--as-of: %v", err)
	}
	look := rules.Assumption{Growth: *growth, Years: *years}
	if err := checkAssumption(look); err != nil {
		return fs.usagef("%v", err)
	}
	ent, err := loadProfile(e, *profilePath, asOf)
	if err != nil {
		return err
	}
	sets, err := assessSets(*dir)
	if err != nil {
		return err
	}
	wins, err := loadWindows(e, *windowsPath, sets)
	if err != nil {
		return err
	}
	out, skipped, err := national.AssessSets(sets, ent, asOf, look, wins)
	if err != nil {
		return err
	}
	for _, s := range skipped {
		if !*asJSON {
			fmt.Fprintf(e.stderr, "huiqi assess: %s：评价日 %s 无有效版本，未评价\n", s.Name, asOf)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return writeAssessments(e.stdout, ent, asOf, out)
}

func asOfDate(s string) (huiqi.Date, error) {
	if s == "" {
		t := time.Now().UTC()
		return huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
	}
	return huiqi.ParseDate(s)
}

// loadProfile reads a profile file (JSON or YAML) strictly, puts it in the
// form the rules match on (canonical certification names, full codes) and
// validates it as of the evaluation date; warnings go to stderr.
func loadProfile(e *env, path string, asOf huiqi.Date) (*huiqi.Enterprise, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ent, warn, err := profile.Check(path, data, asOf)
	for _, w := range warn {
		fmt.Fprintf(e.stderr, "huiqi assess: 提示: %s\n", w)
	}
	if err != nil {
		return nil, err
	}
	return ent, nil
}

// assessSets are the qualification rule sets of dir, or the embedded ones.
func assessSets(dir string) ([]*rules.Set, error) {
	if dir == "" {
		return national.Qualifications()
	}
	sets, err := rules.LoadFS(os.DirFS(dir), ".")
	return national.OnlyQualifications(sets), err
}

var (
	statusMarks  = map[huiqi.Status]string{huiqi.Met: "✓", huiqi.Unmet: "✗", huiqi.Unknown: "?"}
	verdictMarks = map[huiqi.Verdict]string{huiqi.Eligible: "✓", huiqi.NotEligible: "✗", huiqi.Undecided: "?"}
)

func writeAssessments(w io.Writer, ent *huiqi.Enterprise, asOf huiqi.Date, as []huiqi.Assessment) error {
	name := ent.Name
	if name == "" {
		name = "（未填企业名称）"
	}
	fmt.Fprintf(w, "企业：%s　评价日：%s\n\n结论：\n", name, asOf)
	for _, a := range as {
		fmt.Fprintf(w, "  %s %s：%s\n", verdictMarks[a.Verdict], a.Name, a.Verdict.Label())
	}
	for i := range as {
		writeAssessment(w, &as[i])
	}
	return nil
}

func writeAssessment(w io.Writer, a *huiqi.Assessment) {
	cite := joinNonEmpty(" ", a.Source.Number, a.Source.Clause)
	cite = joinNonEmpty("；", cite, fmt.Sprintf("规则 %s 版本 %s", a.RuleID, a.Version))
	fmt.Fprintf(w, "\n%s：%s\n  依据：%s（%s）\n", a.Name, a.Verdict.Label(), a.Source.Title, cite)
	writeCondition(w, &a.Conditions, 1, metOnByID(a.Outlook))
	if len(a.Declarations) > 0 {
		fmt.Fprintln(w, "  需申请人确认：")
		for _, d := range a.Declarations {
			fmt.Fprintf(w, "    □ %s（%s）\n", d.Label, d.ID)
		}
	}
	if len(a.Ask) > 0 {
		fmt.Fprintln(w, "  请补充以下信息（按重要性排序）：")
		for i, f := range a.Ask {
			fmt.Fprintf(w, "    %d. %s（%s）\n", i+1, f.Label, f.Path)
		}
	}
	if a.Outlook != nil {
		writeOutlook(w, a.Outlook)
	} else if !a.EarliestMet.IsZero() {
		fmt.Fprintf(w, "  最早可满足日期：%s（其他条件不变）\n", a.EarliestMet)
	}
	if am := a.Amount; am != nil {
		fmt.Fprintf(w, "  金额：%s\n", amountWords(am))
	}
}

// writeCondition prints a condition and, for groups, its children.
// when gives, by condition id, the first date the outlook meets it.
func writeCondition(w io.Writer, r *huiqi.ConditionResult, depth int, when map[string]huiqi.Date) {
	indent := fmt.Sprintf("%*s", 2*depth, "")
	if len(r.Children) > 0 {
		if depth > 1 || r.Kind != "all" {
			fmt.Fprintf(w, "%s%s %s（%s）\n", indent, statusMarks[r.Status], r.Label, groupWords[r.Kind])
		} else {
			depth--
		}
		for i := range r.Children {
			writeCondition(w, &r.Children[i], depth+1, when)
		}
		return
	}
	line := indent + statusMarks[r.Status] + " " + r.Label
	if r.Clause != "" {
		line += "〔" + r.Clause + "〕"
	}
	fmt.Fprintln(w, line)
	detail := r.Value
	if r.Threshold != "" && r.Kind == "check" {
		detail = joinNonEmpty("，", detail, r.Threshold)
	}
	if r.Gap != "" {
		detail += "：" + r.Gap
	}
	if len(r.Missing) > 0 {
		detail = joinNonEmpty("，", detail, "缺少 "+fieldList(r.Missing))
	}
	detail = joinNonEmpty("；", detail, r.Note)
	if d, ok := when[r.ID]; ok && r.Status != huiqi.Met && r.MetOn != d {
		detail = joinNonEmpty("；", detail, "按假设最早 "+d.String()+" 起满足")
	}
	if detail != "" {
		fmt.Fprintf(w, "%s    %s\n", indent, detail)
	}
}

var groupWords = map[string]string{"all": "须全部满足", "any": "满足其一即可", "not": "不得满足"}

func fieldList(fs []huiqi.Field) string {
	s := ""
	for i, f := range fs {
		if i > 0 {
			s += "、"
		}
		s += f.Label + "（" + f.Path + "）"
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

func amountWords(am *huiqi.Amount) string {
	if len(am.Missing) > 0 {
		return "无法计算，缺少 " + fieldList(am.Missing)
	}
	if am.Min == am.Max {
		return fmt.Sprintf("%d 元（%s）", am.Min, am.Basis)
	}
	return fmt.Sprintf("%d～%d 元（%s）", am.Min, am.Max, am.Basis)
}
