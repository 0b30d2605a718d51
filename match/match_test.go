package match

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/synth"
)

var (
	demoOnce    sync.Once
	demoMatcher *Matcher
	demoErr     error
)

// demoCorpus is a matcher over the demo corpus, built once.
func demoCorpus(t testing.TB) *Matcher {
	t.Helper()
	demoOnce.Do(func() {
		var ps []*huiqi.Policy
		ps, demoErr = searchtest.Corpus()
		demoMatcher = New(ps, nil)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoMatcher
}

func ip(v int) *int           { return &v }
func i64(v int64) *int64      { return &v }
func day(s string) huiqi.Date { d, _ := huiqi.ParseDate(s); return d }

var asOf = day("2026-05-01")

// pinghu is a 平湖 manufacturer newly recognised as a national incubator.
func pinghu() *huiqi.Enterprise {
	return &huiqi.Enterprise{RegionCode: "330482", IndustryCode: "C3911", Employees: ip(300),
		Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: i64(80_000_000), RDExpenseYuan: i64(4_000_000)}},
		Certifications: []huiqi.Certification{
			{Name: "孵化器", Level: huiqi.LevelNational, Since: day("2025-09-01")},
			{Name: "高新技术企业", Since: day("2022-12-01")},
		}}
}

func find(rs []huiqi.MatchResult, id string) *huiqi.MatchResult {
	for i := range rs {
		if rs[i].MeasureID == id {
			return &rs[i]
		}
	}
	return nil
}

func TestMatchIncubator(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	rep := m.Match(pinghu(), asOf, Options{All: true})
	var national, provincial *huiqi.MatchResult
	for i, r := range rep.Results {
		if r.Policy == "关于全面推进科技创新推动高质量发展的若干政策意见" && r.Cited.ClausePath == "一/(二)" {
			switch r.MeasureID[len(r.MeasureID)-4:] {
			case "_2_1": // 300万元 for a national incubator
				national = &rep.Results[i]
			case "_2_2": // 200万元 for a provincial one
				provincial = &rep.Results[i]
			}
		}
	}
	if national == nil || provincial == nil {
		t.Fatalf("the 平湖 incubator measures are missing: %+v", rep.Counts)
	}
	if national.Status != huiqi.MatchLikely || provincial.Status != huiqi.MatchNotEligible {
		t.Errorf("national %s, provincial %s; want likely (新认定 is a reading), not_eligible", national.Status, provincial.Status)
	}
	if a := national.Amount; a == nil || a.Min != 3_000_000 || a.Max != 3_000_000 {
		t.Errorf("national amount %+v, want 300万元", a)
	}
	if national.Cited.PolicyID == "" || national.Cited.Span.End <= national.Cited.Span.Start || len(national.Reasons) == 0 {
		t.Errorf("the answer must cite its clause and say why: %+v", national)
	}
	for _, c := range national.Conditions {
		if c.Source == nil || c.Source.Span.End <= c.Source.Span.Start || !c.Proposed {
			t.Errorf("condition %q: proposed conditions carry their span: %+v", c.Label, c.Source)
		}
	}
}

func TestMatchRegionPrefilter(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	chengdu := &huiqi.Enterprise{RegionCode: "510105", Certifications: []huiqi.Certification{}}
	rep := m.Match(chengdu, asOf, Options{})
	for _, r := range rep.Results {
		if it := m.byID(r.MeasureID); it.prop.Region != "100000" && it.prop.Region[:2] != "51" {
			t.Errorf("a 青羊区 enterprise sees %s of region %s", r.MeasureID, it.prop.Region)
		}
	}
	zj := m.Match(pinghu(), asOf, Options{})
	if zj.InForce <= rep.InForce || len(zj.Results) == 0 {
		t.Errorf("平湖 sees %d measures in force, 青羊区 %d", zj.InForce, rep.InForce)
	}
}

// TestPrefilterLosesNothing: the indexes only skip measures that are not
// eligible. Every measure is evaluated directly and compared.
func TestPrefilterLosesNothing(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	ents := []*huiqi.Enterprise{
		pinghu(), {}, {RegionCode: "331081", Certifications: []huiqi.Certification{}},
		{RegionCode: "330100", Certifications: []huiqi.Certification{{Name: "专精特新中小企业", Level: huiqi.LevelProvincial}}},
	}
	for _, e := range ents {
		var want []string
		for i := range m.items {
			it := &m.items[i]
			if e.RegionCode == "" && it.prop.Region != "100000" {
				continue // left pending the region, counted
			}
			if it.inForce(asOf) && it.result(e, asOf, false).Status != huiqi.MatchNotEligible {
				want = append(want, it.prop.ID)
			}
		}
		var got []string
		rep := m.Match(e, asOf, Options{})
		for _, r := range rep.Results {
			got = append(got, r.MeasureID)
		}
		if e.RegionCode == "" && (len(rep.Ask) == 0 || rep.Ask[0].Path != "region_code") {
			t.Errorf("no region: ask %+v, want region_code first", rep.Ask)
		}
		if (e.RegionCode == "") != (rep.RegionPending > 0) {
			t.Errorf("region %q: %d local measures pending the region", e.RegionCode, rep.RegionPending)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("region %q: matched %d measures, direct evaluation %d", e.RegionCode, len(got), len(want))
		}
		s := m.Summarize("k", e, asOf)
		if n := s.Eligible + s.Likely + s.Unknown; n != len(want) || len(s.Hits) != n {
			t.Errorf("region %q: summary counts %d, want %d", e.RegionCode, n, len(want))
		}
	}
}

func TestTotalNeverAddsExclusive(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	e := pinghu()
	e.Certifications = append(e.Certifications, huiqi.Certification{Name: "孵化器", Level: huiqi.LevelProvincial, Since: day("2025-10-01")})
	rep := m.Match(e, asOf, Options{})
	groups := map[string]int{}
	for _, l := range rep.Total.Lines {
		r := find(rep.Results, l.MeasureID)
		if r.Amount != nil && r.Amount.Exclusive != "" && l.MaxYuan > 0 {
			groups[r.Amount.Exclusive]++
		}
	}
	for g, n := range groups {
		if n > 1 {
			t.Errorf("group %s: %d amounts added, only the highest may count", g, n)
		}
	}
	if rep.Total.MaxYuan < rep.Total.MinYuan || rep.Total.MaxYuan == 0 {
		t.Errorf("total [%d, %d]", rep.Total.MinYuan, rep.Total.MaxYuan)
	}
}

func (m *Matcher) byID(id string) *item {
	for i := range m.items {
		if m.items[i].prop.ID == id {
			return &m.items[i]
		}
	}
	return nil
}

// TestTotalIsRulesStack: the total is rules.Stack's, line by line, on the
// demo corpus (whose documents state exclusive groups and yearly caps).
func TestTotalIsRulesStack(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	for _, e := range []*huiqi.Enterprise{pinghu(), {}, {RegionCode: "331081"}} {
		rep := m.Match(e, asOf, Options{})
		var as []huiqi.Assessment
		for _, r := range rep.Results {
			if r.NotFunding {
				continue
			}
			v := huiqi.Eligible
			if r.Status != huiqi.MatchEligible {
				v = huiqi.Undecided
			}
			as = append(as, huiqi.Assessment{RuleID: r.MeasureID, Verdict: v, Amount: r.Amount})
		}
		want := rules.Stack(as)
		if rep.Total.MinYuan != want.Min || rep.Total.MaxYuan != want.Max || len(rep.Total.Lines) != len(want.Lines) {
			t.Fatalf("region %q: total [%d, %d] in %d lines, rules.Stack [%d, %d] in %d", e.RegionCode,
				rep.Total.MinYuan, rep.Total.MaxYuan, len(rep.Total.Lines), want.Min, want.Max, len(want.Lines))
		}
		for i, l := range want.Lines {
			got := rep.Total.Lines[i]
			if got.MeasureID != l.RuleID || got.MinYuan != l.Min || got.MaxYuan != l.Max || (got.Reason == "") != (l.Reason == "") {
				t.Errorf("line %d: %+v, rules.Stack %+v", i, got, l)
			}
		}
	}
}

// TestSummaryIsMatch: the batch summary counts and adds what Match does.
func TestSummaryIsMatch(t *testing.T) {
	t.Parallel()
	for name, m := range map[string]*Matcher{"demo": demoCorpus(t), "synthetic": New(synthPolicies(t, 10_000, 5), nil)} {
		g := synth.NewEnterprises(9)
		ents := []*huiqi.Enterprise{pinghu(), {}, {RegionCode: "331081"}}
		for range 200 {
			e := g.Next()
			ents = append(ents, &e)
		}
		for i, e := range ents {
			rep, s := m.Match(e, asOf, Options{}), m.Summarize("", e, asOf)
			if s.MinYuan != rep.Total.MinYuan || s.MaxYuan != rep.Total.MaxYuan || len(s.Hits) != len(rep.Results) ||
				s.Eligible != rep.Counts[huiqi.MatchEligible] || s.Likely != rep.Counts[huiqi.MatchLikely] {
				t.Errorf("%s %d: summary %d hits [%d, %d], match %d results [%d, %d]", name, i,
					len(s.Hits), s.MinYuan, s.MaxYuan, len(rep.Results), rep.Total.MinYuan, rep.Total.MaxYuan)
			}
		}
	}
}

// TestTemplates: the answer made once for a measure decided by region and
// declarations alone is the one computed for each enterprise.
func TestTemplates(t *testing.T) {
	t.Parallel()
	m := demoCorpus(t)
	n := 0
	for _, e := range []*huiqi.Enterprise{pinghu(), {RegionCode: "331081", Certifications: []huiqi.Certification{}}, {RegionCode: "330100"}} {
		for i := range m.items {
			it := &m.items[i]
			if it.template == nil || !it.inForce(asOf) {
				continue
			}
			got, want := it.explained(e, asOf), it.result(e, asOf, true)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s for %s: template %+v, computed %+v", it.prop.ID, e.RegionCode, got, want)
			}
			n++
		}
	}
	if n < 1000 {
		t.Errorf("%d answers from templates; want most of the corpus's", n)
	}
	e := pinghu()
	e.Declarations = map[string]bool{}
	for _, it := range m.items {
		if it.template != nil && len(it.decls) > 0 && it.prop.Region == "330482" {
			e.Declarations[it.decls[0]] = false
			if r := it.explained(e, asOf); r.Status != huiqi.MatchNotEligible {
				t.Errorf("%s: declaration answered no, status %s", it.prop.ID, r.Status)
			}
			break
		}
	}
}
