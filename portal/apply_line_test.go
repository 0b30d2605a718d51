package portal

import (
	"bytes"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestApplyURLGrow: a measure within reach only once a qualification is
// won (培育后可申报) has no 我要申报 button; the same measure among those
// open now has one.
func TestApplyURLGrow(t *testing.T) {
	r := huiqi.MatchResult{MeasureID: "m_1", Name: "高新技术企业认定奖励", Status: huiqi.MatchEligible,
		Cited: huiqi.Provenance{PolicyID: "0123456789ab", ClausePath: "三"}}
	now := lineOf(r, nil)
	if !strings.HasPrefix(now.ApplyURL(), "/applications/new?") {
		t.Fatalf("an eligible line leads to %q", now.ApplyURL())
	}
	grow := reachViews([]huiqi.Reach{{RuleID: "gaoxin", Title: "高新技术企业", Results: []huiqi.MatchResult{r}}})
	if got := grow[0].Lines[0].ApplyURL(); got != "" {
		t.Errorf("a line of 培育后可申报 leads to %q", got)
	}
	pg, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	render := func(rp resultsPage) string {
		var buf bytes.Buffer
		if err := pg.byName["enterprise_results"].Execute(&buf, page{Title: "结果", Data: rp}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	base := resultsPage{Saved: &huiqi.SavedProfile{Profile: formProfile()}, AsOf: huiqi.Date{Year: 2026, Month: 5, Day: 1}}
	withGrow := base
	withGrow.Grow = grow
	if html := render(withGrow); !strings.Contains(html, "高新技术企业认定奖励") || strings.Contains(html, "我要申报") {
		t.Errorf("the 培育后可申报 band lists the measure %v with a 我要申报 button %v",
			strings.Contains(html, "高新技术企业认定奖励"), strings.Contains(html, "我要申报"))
	}
	withNow := base
	withNow.Now = []lineView{now}
	if html := render(withNow); !strings.Contains(html, "我要申报") {
		t.Error("a line open now has no 我要申报 button")
	}
}
