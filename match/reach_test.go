package match

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestWithinReach: the measures that open once an enterprise holds a
// title it can obtain are those Match lists for the same enterprise
// holding it from that date, restricted to the measures requiring it;
// titles it holds, cannot reach, or nothing requires open nothing.
func TestWithinReach(t *testing.T) {
	m := demoCorpus(t)
	e := pinghu()
	e.Certifications = e.Certifications[:1] // the incubator, not 高新技术企业
	later := day("2027-03-01")
	quals := []huiqi.Assessment{
		{Name: "高新技术企业", Verdict: huiqi.NotEligible, Outlook: &huiqi.Outlook{Status: huiqi.OutlookReachable, Earliest: later}},
		{Name: "孵化器", Verdict: huiqi.Eligible}, // held already
		{Name: "科技型中小企业", Verdict: huiqi.NotEligible, Outlook: &huiqi.Outlook{Status: huiqi.OutlookNotReachable}}, // out of reach
		{Name: "没有措施要求的称号", Verdict: huiqi.Eligible},
	}
	got := m.WithinReach(e, asOf, quals)
	if len(got) != 1 || got[0].Title != "高新技术企业" || got[0].On != later {
		t.Fatalf("reach: %+v, want one group for 高新技术企业 on %s", got, later)
	}
	g := got[0]
	with := withTitle(e, "高新技术企业", later)
	want := map[string]huiqi.MatchStatus{}
	for _, r := range m.Match(with, later, Options{}).Results {
		if it := m.byID(r.MeasureID); it != nil && requires(it, "高新技术企业") && !open(it.result(e, asOf, false).Status) {
			want[r.MeasureID] = r.Status
		}
	}
	if len(g.Results) == 0 || len(g.Results) != len(want) {
		t.Fatalf("%d measures within reach, Match lists %d requiring the title: %v", len(g.Results), len(want), want)
	}
	for _, r := range g.Results {
		if want[r.MeasureID] != r.Status || r.Status == huiqi.MatchNotEligible {
			t.Errorf("%s %s: %s, Match says %s", r.MeasureID, r.Name, r.Status, want[r.MeasureID])
		}
		if r.Cited.PolicyID == "" || r.Cited.ClausePath == "" {
			t.Errorf("%s: no clause cited", r.MeasureID)
		}
	}
	if g.Total.MaxYuan <= 0 || g.Total.MinYuan > g.Total.MaxYuan {
		t.Errorf("total %+v", g.Total)
	}
	today := m.Match(e, asOf, Options{})
	for _, r := range today.Results {
		if _, ok := want[r.MeasureID]; ok && r.Status == huiqi.MatchEligible {
			t.Errorf("%s is eligible today already, yet listed as within reach", r.MeasureID)
		}
	}
	if r := m.WithinReach(pinghu(), asOf, quals[:1]); len(r) != 0 {
		t.Errorf("an enterprise holding 高新技术企业 has it within reach: %+v", r)
	}
	t.Logf("高新技术企业 on %s opens %d measures, %d–%d 元", later, len(g.Results), g.Total.MinYuan, g.Total.MaxYuan)
}

func requires(it *item, title string) bool {
	for _, c := range it.certs {
		if c == title {
			return true
		}
	}
	return false
}
