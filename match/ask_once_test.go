package match

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/searchtest"
)

// TestAskOnce: over the demo corpus, for an enterprise in each region a
// policy applies in, the words of one policy are one question: no two
// unknown measures of a policy ask for the same quoted text under two
// ids, and the questions put first are distinct. Measures read from one
// sentence (国家、省、市级…分别给予) share its facts.
func TestAskOnce(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	ps, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	regions := map[string]bool{}
	for _, p := range ps {
		if p.Region != nil && p.Region.Code != "" {
			regions[p.Region.Code] = true
		}
	}
	shared := 0
	for code := range regions {
		rep := m.Match(&huiqi.Enterprise{RegionCode: code}, asOf, Options{})
		ids := map[string]string{} // policy and label → fact path
		askers := map[string]int{}
		for _, r := range rep.Results {
			if r.Status != huiqi.MatchUnknown {
				continue
			}
			for _, f := range r.Ask {
				if !strings.HasPrefix(f.Path, "declarations.") {
					continue
				}
				askers[f.Path]++
				key := r.Cited.PolicyID + "\x00" + f.Label
				if prev, ok := ids[key]; ok && prev != f.Path {
					t.Errorf("region %s: %s asks %q as %s and %s", code, r.MeasureID, f.Label, prev, f.Path)
				}
				ids[key] = f.Path
			}
		}
		for _, n := range askers {
			if n > 1 {
				shared++
			}
		}
		seen := map[string]bool{}
		for _, f := range rep.Ask {
			if seen[f.Path] || seen[f.Label] {
				t.Errorf("region %s: %q asked twice in %+v", code, f.Label, rep.Ask)
			}
			seen[f.Path], seen[f.Label] = true, true
		}
	}
	if shared == 0 {
		t.Error("no fact asked by two measures: the test tests nothing")
	}
}
