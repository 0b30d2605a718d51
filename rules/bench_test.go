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
