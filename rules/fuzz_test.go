package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huiqi-dev/huiqi"
)

// FuzzParse: any rule file either parses into sets that evaluate without
// panicking, or fails with an error naming the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	files, _ := filepath.Glob("national/*.yaml")
	more, _ := filepath.Glob("testdata/*.yaml")
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	ent := &huiqi.Enterprise{Employees: ip(10), Financials: []huiqi.Financials{{Year: 2025, RevenueYuan: i64(0)}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, v := range s.Versions {
			v.Assess(ent, v.From)
			v.Assess(&huiqi.Enterprise{}, v.From)
			if _, err := s.Verdict(ent, v.From); err != nil {
				t.Fatalf("Verdict: %v", err)
			}
			if _, err := s.Outlook(ent, v.From, Assumption{Years: 2}); err != nil {
				t.Fatalf("Outlook: %v", err)
			}
		}
	})
}

// FuzzExpr: any expression either fails to parse or prints back to text
// that parses to the same text.
func FuzzExpr(f *testing.F) {
	for _, s := range []string{"a >= 5%", "sum(rd_expense_yuan, 3) / sum(revenue_yuan, 3)", `certified("x", "national")`,
		"(a - b) - (c - d) * -e", "registered_on <= as_of - 1年", "2026-05-01", "1.5万元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := parseExpr(src)
		if err != nil {
			return
		}
		again, err := parseExpr(n.src())
		if err != nil {
			t.Fatalf("%q printed as %q, which does not parse: %v", src, n.src(), err)
		}
		if again.src() != n.src() {
			t.Fatalf("%q: %q then %q", src, n.src(), again.src())
		}
	})
}

// FuzzCases: any test case file either parses into cases that run, or
// fails with an error naming the file.
func FuzzCases(f *testing.F) {
	for _, p := range []string{"national/gaoxin.test.yaml", "testdata/measures.test.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	sets := map[string]*Set{}
	if s, err := Parse("demo.yaml", []byte(minimal)); err == nil {
		sets["demo"] = s
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cases, err := ParseCases(fstest.MapFS{"c.test.yaml": {Data: data}}, "c.test.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "c.test.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, c := range cases {
			c.Run(sets)
		}
	})
}

// FuzzOutlook: any figures give an outlook without panicking, whose dates
// lie between the evaluation date and the horizon, and whose needs exceed
// what the projection gives.
func FuzzOutlook(f *testing.F) {
	sets, err := LoadFS(os.DirFS("national"), ".")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(int64(20000000), int64(30000000), int64(1000000), int64(1500000), 400, true)
	f.Add(int64(0), int64(1), int64(0), int64(1<<62), 10, false)
	f.Add(int64(1<<62), int64(1), int64(-5), int64(0), -3000, true)
	f.Fuzz(func(t *testing.T, rev1, rev2, rd1, rd2 int64, regDays int, none bool) {
		e := &huiqi.Enterprise{
			RegisteredOn: fromTime(toTime(asOf).AddDate(0, 0, -regDays%5000)), Employees: ip(100), TechStaff: ip(20),
			CoreIPOwned: new(bool), InKeyTechField: new(bool), IncidentsLastYear: ip(0), InnovationScore: ip(70), Certifications: []huiqi.Certification{},
			Financials: []huiqi.Financials{
				{Year: 2024, RevenueYuan: &rev1, RDExpenseYuan: &rd1, RDExpenseDomesticYuan: &rd1, NetAssetsYuan: &rev1},
				{Year: 2025, RevenueYuan: &rev2, RDExpenseYuan: &rd2, RDExpenseDomesticYuan: &rd2, HighTechRevenueYuan: &rev2, NetAssetsYuan: &rev2},
			},
		}
		a := Assumption{}
		if none {
			a.Growth = GrowthNone
		}
		for _, s := range sets {
			o, err := s.Outlook(e, asOf, a)
			if err != nil {
				t.Fatal(err)
			}
			if !o.Earliest.IsZero() && (dateCmp(o.Earliest, asOf) < 0 || dateCmp(o.Earliest, o.Horizon) > 0) {
				t.Fatalf("%s: earliest %s outside %s – %s", s.ID, o.Earliest, asOf, o.Horizon)
			}
			for _, c := range o.Conditions {
				if n := c.Need; n != nil && n.RequiredYuan <= n.ProjectedYuan {
					t.Fatalf("%s: need %+v does not exceed the projection", s.ID, n)
				}
			}
		}
	})
}
