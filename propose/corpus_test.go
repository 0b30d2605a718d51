package propose

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/searchtest"
)

func ip(v int) *int         { return &v }
func i64(v int64) *int64    { return &v }
func d(s string) huiqi.Date { v, _ := huiqi.ParseDate(s); return v }

// profiles cover what the proposals read: region in, out and unknown;
// certifications unknown, none, held, new; figures given and missing.
func profiles() map[string]*huiqi.Enterprise {
	fin := []huiqi.Financials{{Year: 2025, RevenueYuan: i64(300_000_000), RDExpenseYuan: i64(12_000_000)}}
	return map[string]*huiqi.Enterprise{
		"empty": {},
		"平湖，资料齐全": {RegionCode: "330482", IndustryCode: "C3911", RegisteredOn: d("2024-02-29"), Employees: ip(600), Financials: fin,
			Certifications: []huiqi.Certification{
				{Name: "高新技术企业", Since: d("2023-11-01")},
				{Name: "孵化器", Level: huiqi.LevelNational, Since: d("2025-09-01")},
				{Name: "规上工业企业"},
			}},
		"温岭，无资质": {RegionCode: "331081", IndustryCode: "6513", RegisteredOn: d("2010-06-30"), Employees: ip(20),
			Financials:     []huiqi.Financials{{Year: 2025, RevenueYuan: i64(5_000_000), RDExpenseYuan: i64(100_000)}},
			Certifications: []huiqi.Certification{}},
		"成都，外省":    {RegionCode: "510105", Certifications: []huiqi.Certification{}},
		"浙江，认定日期缺": {RegionCode: "330100", Certifications: []huiqi.Certification{{Name: "孵化器", Level: huiqi.LevelCity}}},
	}
}

// TestCorpus proposes conditions for every measure of the demo corpus:
// each parses as a rule, and Eval answers as package rules does.
func TestCorpus(t *testing.T) {
	t.Parallel()
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	asOf := d("2026-05-01")
	n, read := 0, 0
	for _, p := range corpus {
		for _, pr := range Propose(p) {
			n++
			if len(pr.Conds) == 0 && pr.Region == National {
				t.Errorf("%s: no condition at all", pr.ID)
			}
			if readsData(pr.Conds) {
				read++
			}
			onlyCompliance(t, pr.ID, pr.Conds)
			set, err := pr.Set()
			if err != nil {
				t.Fatalf("%s: %v\n%s", pr.ID, err, pr.YAML())
			}
			for name, e := range withAnswers(profiles(), pr) {
				got := pr.Eval(e, asOf, false)
				st, lo, hi, ok := pr.Quick(e, asOf)
				wantOK := got.Amount != nil && len(got.Amount.Missing) == 0
				if st != got.Status || ok != wantOK || ok && (lo != got.Amount.Min || hi != got.Amount.Max) {
					t.Errorf("%s, %s: Quick %s [%d, %d] %v, Eval %s %+v", pr.ID, name, st, lo, hi, ok, got.Status, got.Amount)
				}
				a, err := set.Assess(e, asOf)
				if err != nil {
					continue // the policy's rule is not in force then
				}
				if want := verdictOf(got.Status); a.Verdict != want {
					t.Errorf("%s, %s: Eval %s, rules %s\n%s", pr.ID, name, got.Status, a.Verdict, pr.YAML())
				}
				if !sameAmount(got.Amount, a.Amount) {
					t.Errorf("%s, %s: amount %+v, rules %+v", pr.ID, name, got.Amount, a.Amount)
				}
			}
		}
	}
	if n < 2000 || read < 100 {
		t.Errorf("%d measures proposed, %d with a condition read from data; want ≥ 2000 and ≥ 100", n, read)
	}
	t.Logf("%d measures, %d with conditions read from data", n, read)
}

// withAnswers adds to ps two profiles that answer every declaration and
// stated fact of pr: all yes (平湖, 资料齐全), all no (温岭, 无资质).
func withAnswers(ps map[string]*huiqi.Enterprise, pr *Proposal) map[string]*huiqi.Enterprise {
	yes, no := *ps["平湖，资料齐全"], *ps["温岭，无资质"]
	yes.Declarations, no.Declarations = map[string]bool{}, map[string]bool{}
	for _, id := range pr.Declarations() {
		yes.Declarations[id], no.Declarations[id] = true, false
	}
	ps["平湖，全部说明符合"], ps["温岭，全部说明不符合"] = &yes, &no
	return ps
}

// onlyCompliance: every declaration is a compliance statement; all else
// the text says is a fact to state.
func onlyCompliance(t *testing.T, id string, cs []Cond) {
	t.Helper()
	for _, c := range cs {
		if c.Kind == CondDeclare && !isCompliance(c.Text) {
			t.Errorf("%s: declaration %q is no compliance statement", id, c.Text)
		}
		onlyCompliance(t, id, c.Children)
	}
}

func isCompliance(s string) bool {
	for _, re := range compliance {
		if loc := re.FindStringIndex(s); loc != nil && loc[0] == 0 && loc[1] == len(s) {
			return true
		}
	}
	return false
}

func readsData(cs []Cond) bool {
	for _, c := range cs {
		if c.Kind != CondDeclare && c.Kind != CondStated && c.Kind != CondRegion {
			return true
		}
	}
	return false
}

func verdictOf(s huiqi.MatchStatus) huiqi.Verdict {
	switch s {
	case huiqi.MatchEligible, huiqi.MatchLikely:
		return huiqi.Eligible
	case huiqi.MatchNotEligible:
		return huiqi.NotEligible
	}
	return huiqi.Undecided
}

func sameAmount(a, b *huiqi.Amount) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Min == b.Min && a.Max == b.Max && len(a.Missing) == len(b.Missing) &&
		a.Exclusive == b.Exclusive && a.CapGroup == b.CapGroup && a.CapYuan == b.CapYuan
}
