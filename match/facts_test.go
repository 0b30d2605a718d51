package match

import (
	"os"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/synth"
)

// lanxiLogistics is the title of the 兰溪 logistics policy of the demo
// corpus: 海铁联运 carriers, goods stored at the 兰溪堆场.
const lanxiLogistics = "关于加快现代物流业发展的若干意见（试行）"

// hangzhou is the Hangzhou software company of profile/testdata.
func hangzhou(t *testing.T) *huiqi.Enterprise {
	t.Helper()
	const name = "../profile/testdata/hangzhou-software.json"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	e, _, err := profile.Check(name, data, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// substantive reports whether r is one of the 兰溪 measures whose
// beneficiary is a requirement no profile field holds.
func substantive(r *huiqi.MatchResult) bool {
	return r.Policy == lanxiLogistics && (strings.Contains(r.Name, "海铁联运") || strings.Contains(r.Cited.Text, "兰溪堆场"))
}

// withoutRegion is the demo corpus with the 兰溪 policy's region unknown,
// as extraction left it before it read the region from the body.
func withoutRegion(t *testing.T) *Matcher {
	t.Helper()
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]*huiqi.Policy, len(corpus))
	found := false
	for i, p := range corpus {
		ps[i] = p
		if p.Title == lanxiLogistics {
			c := *p
			c.Region, ps[i], found = nil, &c, true
		}
	}
	if !found {
		t.Fatalf("the demo corpus has no %s", lanxiLogistics)
	}
	return New(ps, nil)
}

// TestTextIsNoDeclaration: a Hangzhou software company is not likely for
// the 兰溪 海铁联运 and 兰溪堆场 measures — not when the policy's region is
// known (they are not its region's), and not when it is unknown: then
// they are unknown, and the questions are where the policy applies and
// whether the company is such a carrier.
func TestTextIsNoDeclaration(t *testing.T) {
	t.Parallel()
	e := hangzhou(t)
	for name, m := range map[string]*Matcher{"demo corpus": demoCorpus(t), "region unknown": withoutRegion(t)} {
		rep := m.Match(e, asOf, Options{All: true})
		n := 0
		for i := range rep.Results {
			r := &rep.Results[i]
			if r.Status == huiqi.MatchLikely {
				likelyOnlyByDeclarations(t, r)
			}
			if !substantive(r) {
				continue
			}
			n++
			if r.Status != huiqi.MatchUnknown {
				t.Errorf("%s: %s %q is %s, want unknown", name, r.MeasureID, r.Name, r.Status)
			}
			// the requirement is the measure's own fact, or one its policy's
			// measures share (asked once)
			own := asksFact(r.Ask, r.MeasureID+"_s") || asksFact(r.Ask, "m_"+strings.ToLower(r.Cited.PolicyID)+"_s")
			if !asksFact(r.Ask, "registered_in_") || !own {
				t.Errorf("%s: %s asks %+v; want the policy's region and the requirement", name, r.MeasureID, r.Ask)
			}
		}
		switch {
		case name == "demo corpus" && n != 0:
			t.Errorf("%s: %d 兰溪 measures answered for a 西湖区 company", name, n)
		case name == "region unknown" && n < 4:
			t.Errorf("%s: %d 海铁联运 and 兰溪堆场 measures answered, want 4", name, n)
		case name == "region unknown" && (len(rep.Ask) == 0 || !strings.HasPrefix(rep.Ask[0].Path, "declarations.registered_in_")):
			t.Errorf("%s: ask %+v; want first where the policy applies (it decides all its measures)", name, rep.Ask)
		}
	}
}

func asksFact(ask []huiqi.Field, prefix string) bool {
	for _, f := range ask {
		if strings.HasPrefix(f.Path, "declarations."+prefix) && f.Label != "" {
			return true
		}
	}
	return false
}

// likelyOnlyByDeclarations: a likely answer rests on compliance
// declarations to confirm or on uncertain readings, never on a
// requirement no one has stated.
func likelyOnlyByDeclarations(t *testing.T, r *huiqi.MatchResult) {
	t.Helper()
	rests := false
	for _, c := range r.Conditions {
		if c.Status != huiqi.Met {
			t.Errorf("%s is likely with condition %q %s", r.MeasureID, c.Label, c.Status)
		}
		rests = rests || c.Declare && c.Value != confirmed || c.Uncertain
	}
	if !rests && !r.Curated {
		t.Errorf("%s is likely but rests on nothing to confirm: %+v", r.MeasureID, r.Conditions)
	}
}

// TestStatedFacts: a 兰溪 company answers the requirements of the 海铁联运
// and 兰溪堆场 measures: unknown until it does, then eligible when it
// states them (nothing else is left to confirm), not eligible when it
// denies one.
func TestStatedFacts(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	e := hangzhou(t)
	e.RegionCode = "330781"
	rep := m.Match(e, asOf, Options{})
	var ids []string
	for i := range rep.Results {
		if r := &rep.Results[i]; substantive(r) {
			if r.Status != huiqi.MatchUnknown {
				t.Errorf("%s: %s before the company states its requirement, want unknown", r.MeasureID, r.Status)
			}
			ids = append(ids, r.MeasureID)
		}
	}
	if len(ids) < 4 {
		t.Fatalf("%d 海铁联运 and 兰溪堆场 measures for a 兰溪 company, want 4", len(ids))
	}
	for _, id := range ids {
		it := m.byID(id)
		yes := *e
		yes.Declarations = map[string]bool{}
		for _, f := range it.prop.Declarations() {
			yes.Declarations[f] = true
		}
		if r := it.explained(&yes, asOf); r.Status != huiqi.MatchEligible && r.Status != huiqi.MatchLikely {
			t.Errorf("%s: stated, %s %v", id, r.Status, r.Reasons)
		}
		no := yes
		no.Declarations = map[string]bool{it.prop.Declarations()[0]: false}
		if r := it.explained(&no, asOf); r.Status != huiqi.MatchNotEligible {
			t.Errorf("%s: denied, %s", id, r.Status)
		}
	}
	before := rep.Counts[huiqi.MatchUnknown]
	for _, f := range rep.Ask {
		e.Declarations = map[string]bool{strings.TrimPrefix(f.Path, "declarations."): true}
		if after := m.Match(e, asOf, Options{}).Counts[huiqi.MatchUnknown]; strings.HasPrefix(f.Path, "declarations.") && after >= before {
			t.Errorf("answering %s leaves %d unknown of %d", f.Path, after, before)
		}
	}
}

// TestLikelyMeansLikely: over the demo corpus, for the 平湖 incubator and
// synthetic enterprises, every likely answer rests on a compliance
// declaration or an uncertain reading, and nothing else.
func TestLikelyMeansLikely(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	ents := []*huiqi.Enterprise{pinghu()}
	g := synth.NewEnterprises(3)
	for range 100 {
		e := g.Next()
		ents = append(ents, &e)
	}
	likely := 0
	for _, e := range ents {
		rep := m.Match(e, asOf, Options{})
		for i := range rep.Results {
			if r := &rep.Results[i]; r.Status == huiqi.MatchLikely {
				likely++
				likelyOnlyByDeclarations(t, r)
			}
		}
	}
	if likely == 0 {
		t.Error("no likely answer at all: the test tests nothing")
	}
}
