package portal

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestResultsWeightWorstCase renders the results of an enterprise that
// matches hundreds of measures, each with long conditions, and keeps the
// page with its CSS and JavaScript under 200 KB.
func TestResultsWeightWorstCase(t *testing.T) {
	pg, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("对新认定的国家级科技企业孵化器给予一次性奖励，", 6)
	rep := huiqi.MatchReport{Counts: map[huiqi.MatchStatus]int{}}
	for i := range 600 {
		st := []huiqi.MatchStatus{huiqi.MatchEligible, huiqi.MatchUnknown, huiqi.MatchNotEligible}[i%3]
		r := huiqi.MatchResult{MeasureID: fmt.Sprintf("m_%012d_1_%d", i, i), Name: long[:60], Policy: long, DocNumber: "成府发〔2024〕12号",
			Status: st, Reasons: []string{"不符合：" + long, "缺少企业信息：2025年销售收入、2025年研发费用"},
			Amount: &huiqi.Amount{Min: 100000, Max: 500000, Basis: long},
			Cited:  huiqi.Provenance{PolicyID: fmt.Sprintf("%012x", i), ClausePath: "三/(十二)/4", Text: long},
			Ask:    []huiqi.Field{{Path: "financials[2025].revenue_yuan", Label: "2025年销售收入"}}}
		for range 4 {
			r.Conditions = append(r.Conditions, huiqi.MatchCondition{ID: "d", Label: long, Status: huiqi.Unknown, Value: "待申请人确认", Threshold: "≥ 500万元", Declare: true,
				Source: &huiqi.Provenance{PolicyID: r.Cited.PolicyID, ClausePath: "三/(十二)/4"}})
		}
		rep.Results = append(rep.Results, r)
		rep.Counts[st]++
	}
	rp := resultsPage{Saved: &huiqi.SavedProfile{Profile: formProfile()}, AsOf: huiqi.Date{Year: 2026, Month: 5, Day: 1}}
	rp.fill(rep)
	sets, err := qualificationSets()
	if err != nil {
		t.Fatal(err)
	}
	rp.Quals, _ = assessQualifications(sets, &rp.Saved.Profile, rp.AsOf)
	for _, s := range sets {
		rp.Grow = append(rp.Grow, reachViews([]huiqi.Reach{{RuleID: s.ID, Title: s.Name, On: rp.AsOf, Results: rep.Results[:200],
			Total: huiqi.MatchTotal{MinYuan: 1, MaxYuan: 2}}})...)
	}
	var buf bytes.Buffer
	if err := pg.byName["enterprise_results"].Execute(&buf, page{Title: "结果", Data: rp}); err != nil {
		t.Fatal(err)
	}
	n := buf.Len()
	for _, asset := range []string{"static/site.css", "static/site.js", "static/enterprise.css"} {
		b, err := fs.ReadFile(staticFS, asset)
		if err != nil {
			t.Fatal(err)
		}
		n += len(b)
	}
	t.Logf("results of 600 measures: %d bytes", n)
	if n > 200<<10 {
		t.Errorf("results page weighs %d bytes, over 200 KB", n)
	}
	if len(rp.Grow) != len(sets) || len(rp.Grow[0].Lines) != maxGrowLines || rp.Grow[0].More != 200-maxGrowLines {
		t.Errorf("within reach: %d qualifications, %d lines", len(rp.Grow), len(rp.Grow[0].Lines))
	}
	if len(rp.Now) != maxLines || rp.NowMore != 200-maxLines || len(rp.Not) != maxBriefLines {
		t.Errorf("listed %d (+%d) now, %d not eligible", len(rp.Now), rp.NowMore, len(rp.Not))
	}
}
