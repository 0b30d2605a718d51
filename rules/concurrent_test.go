package rules_test

import (
	"os"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi/rules"
)

// Parsed sets are shared by goroutines: evaluation never writes to them
// (run with -race to see).
func TestConcurrentAssess(t *testing.T) {
	sets, err := rules.LoadFS(os.DirFS("national"), ".")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := rules.ParseCases(os.DirFS("national"), "gaoxin.test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, s := range sets {
		a, err := s.Assess(cases[0].Profile, cases[0].AsOf)
		if err != nil {
			t.Fatal(err)
		}
		want[s.ID] = string(a.Verdict) + a.Conditions.Children[0].Value
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				for _, s := range sets {
					a, _ := s.Assess(cases[0].Profile, cases[0].AsOf)
					if got := string(a.Verdict) + a.Conditions.Children[0].Value; got != want[s.ID] {
						t.Errorf("%s: %q, want %q", s.ID, got, want[s.ID])
					}
				}
			}
		}()
	}
	wg.Wait()
}
