package rules_test

import (
	"os"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("national/gaoxin.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := rules.Parse("gaoxin.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssess evaluates 高新技术企业 (nine conditions, growth scores)
// for one complete profile.
func BenchmarkAssess(b *testing.B) {
	sets, err := rules.LoadFS(os.DirFS("national"), ".")
	if err != nil {
		b.Fatal(err)
	}
	i := slices.IndexFunc(sets, func(s *rules.Set) bool { return s.ID == "gaoxin" })
	cases, err := rules.ParseCases(os.DirFS("national"), "gaoxin.test.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ent, asOf := cases[0].Profile, cases[0].AsOf
	b.ReportAllocs()
	for b.Loop() {
		a, err := sets[i].Assess(ent, asOf)
		if err != nil || a.Verdict != huiqi.Eligible {
			b.Fatal(err, a.Verdict)
		}
	}
}

// BenchmarkVerdict is the verdict alone for the same profile.
func BenchmarkVerdict(b *testing.B) {
	sets, err := rules.LoadFS(os.DirFS("national"), ".")
	if err != nil {
		b.Fatal(err)
	}
	i := slices.IndexFunc(sets, func(s *rules.Set) bool { return s.ID == "gaoxin" })
	cases, err := rules.ParseCases(os.DirFS("national"), "gaoxin.test.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ent, asOf := cases[0].Profile, cases[0].AsOf
	b.ReportAllocs()
	for b.Loop() {
		if v, err := sets[i].Verdict(ent, asOf); err != nil || v != huiqi.Eligible {
			b.Fatal(err, v)
		}
	}
}

// BenchmarkAssessAll evaluates every national set for one profile.
func BenchmarkAssessAll(b *testing.B) {
	sets, err := rules.LoadFS(os.DirFS("national"), ".")
	if err != nil {
		b.Fatal(err)
	}
	cases, err := rules.ParseCases(os.DirFS("national"), "gaoxin.test.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ent, asOf := cases[0].Profile, cases[0].AsOf
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sets {
			if _, err := s.Assess(ent, asOf); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkOutlook looks ahead for 高新技术企业 with the case of the R&D
// ratio at 3.1% (needs 4%): five years of evaluations, the search for the
// R&D 2026 must reach, and the projection again with it.
func BenchmarkOutlook(b *testing.B) {
	sets, err := rules.LoadFS(os.DirFS("national"), ".")
	if err != nil {
		b.Fatal(err)
	}
	i := slices.IndexFunc(sets, func(s *rules.Set) bool { return s.ID == "gaoxin" })
	cases, err := rules.ParseCases(os.DirFS("national"), "gaoxin.test.yaml")
	if err != nil {
		b.Fatal(err)
	}
	j := slices.IndexFunc(cases, func(c *rules.Case) bool {
		return c.Expect["gaoxin"].Outlook != nil && c.Expect["gaoxin"].Outlook.NeedYuan["rd"] == 6154445
	})
	if j < 0 {
		b.Fatal("no 3.1% case")
	}
	ent, asOf := cases[j].Profile, cases[j].AsOf
	b.ReportAllocs()
	for b.Loop() {
		o, err := sets[i].Outlook(ent, asOf, rules.Assumption{})
		if err != nil || o.Status != huiqi.OutlookWithNeeds {
			b.Fatal(err, o.Status)
		}
	}
}
