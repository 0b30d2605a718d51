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
