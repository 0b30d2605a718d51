package rules_test

import (
	"os"
	"testing"

	"github.com/huiqi-dev/huiqi/rules"
)

// Verdict agrees with Assess on every test case of every rule file.
func TestVerdictAgreesWithAssess(t *testing.T) {
	n := 0
	for _, dir := range []string{"national", "testdata"} {
		fsys := os.DirFS(dir)
		sets, err := rules.LoadFS(fsys, ".")
		if err != nil {
			t.Fatal(err)
		}
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			if f.IsDir() || len(f.Name()) < len(rules.TestSuffix) || f.Name()[len(f.Name())-len(rules.TestSuffix):] != rules.TestSuffix {
				continue
			}
			cases, err := rules.ParseCases(fsys, f.Name())
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				for _, s := range sets {
					a, err := s.Assess(c.Profile, c.AsOf)
					v, verr := s.Verdict(c.Profile, c.AsOf)
					if (err == nil) != (verr == nil) {
						t.Fatalf("%s %s: Assess error %v, Verdict error %v", c.Name, s.ID, err, verr)
					}
					if err == nil && a.Verdict != v {
						t.Errorf("%s/%s %s: Assess %s, Verdict %s", dir, c.Name, s.ID, a.Verdict, v)
					}
					n++
				}
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d comparisons", n)
	}
}
