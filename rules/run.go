package rules

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Run evaluates the case against the sets (by id) and returns what differs
// from the expectation, nothing when the case passes.
func (c *Case) Run(sets map[string]*Set) []string {
	var fails []string
	for _, id := range sortedKeys(c.Expect) {
		s, ok := sets[id]
		if !ok {
			fails = append(fails, fmt.Sprintf("%s: no such rule set", id))
			continue
		}
		a, err := s.Assess(c.Profile, c.AsOf)
		if err != nil {
			fails = append(fails, fmt.Sprintf("%s: %v", id, err))
			continue
		}
		for _, f := range c.Expect[id].diff(&a) {
			fails = append(fails, id+": "+f)
		}
		if x := c.Expect[id].Outlook; x != nil {
			for _, f := range x.run(s, c) {
				fails = append(fails, id+": outlook: "+f)
			}
		}
	}
	return fails
}

// diff compares an assessment with the expectation.
func (x *Expect) diff(a *huiqi.Assessment) []string {
	var out []string
	if x.Status != "" && a.Verdict != x.Status {
		out = append(out, fmt.Sprintf("status %s, want %s%s", a.Verdict, x.Status, why(a)))
	}
	byID := map[string]*huiqi.ConditionResult{}
	walkAll(&a.Conditions, func(r *huiqi.ConditionResult) {
		if r.ID != "" {
			byID[r.ID] = r
		}
	})
	for _, id := range sortedKeys(x.Conditions) {
		r, ok := byID[id]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("condition %s: no such condition", id))
		case r.Status != x.Conditions[id]:
			out = append(out, fmt.Sprintf("condition %s: %s, want %s (%s %s %s)", id, r.Status, x.Conditions[id], r.Value, r.Threshold, r.Gap))
		}
	}
	if x.Ask != nil {
		var got []string
		for _, f := range a.Ask {
			got = append(got, f.Path)
		}
		if len(got) > len(x.Ask) {
			got = got[:len(x.Ask)]
		}
		if !slices.Equal(got, x.Ask) {
			out = append(out, fmt.Sprintf("ask %v, want %v first", got, x.Ask))
		}
	}
	if x.Amount != nil {
		out = append(out, x.diffAmount(a.Amount)...)
	}
	if !x.EarliestMet.d.IsZero() && a.EarliestMet != x.EarliestMet.d {
		out = append(out, fmt.Sprintf("earliest_met %s, want %s", a.EarliestMet, x.EarliestMet.d))
	}
	return out
}

func (x *Expect) diffAmount(am *huiqi.Amount) []string {
	if len(x.Amount) != 2 {
		return []string{"amount: want [min, max] in the test"}
	}
	if am == nil || len(am.Missing) > 0 {
		return []string{fmt.Sprintf("amount unknown, want %v", x.Amount)}
	}
	if am.Min != x.Amount[0] || am.Max != x.Amount[1] {
		return []string{fmt.Sprintf("amount [%d, %d], want %v (%s)", am.Min, am.Max, x.Amount, am.Basis)}
	}
	return nil
}

// why lists the conditions that are not met, for a failure message.
func why(a *huiqi.Assessment) string {
	var parts []string
	walkLeaves(&a.Conditions, func(r *huiqi.ConditionResult) {
		if r.Status != huiqi.Met {
			parts = append(parts, fmt.Sprintf("%s %s: %s %s", r.ID, r.Status, r.Value, r.Gap))
		}
	})
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, "; ") + "]"
}

func walkAll(r *huiqi.ConditionResult, f func(*huiqi.ConditionResult)) {
	f(r)
	for i := range r.Children {
		walkAll(&r.Children[i], f)
	}
}

// CaseResult is the outcome of one case.
type CaseResult struct {
	File, Name string
	Line       int
	Failures   []string
}

// RunDir loads the rule sets under dir in fsys and runs every test case
// file beside them.
func RunDir(fsys fs.FS, dir string) ([]CaseResult, error) {
	sets, err := LoadFS(fsys, dir)
	if err != nil {
		return nil, err
	}
	byID := map[string]*Set{}
	for _, s := range sets {
		byID[s.ID] = s
	}
	var out []CaseResult
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, TestSuffix) {
			return err
		}
		cases, err := ParseCases(fsys, p)
		if err != nil {
			return err
		}
		for _, c := range cases {
			out = append(out, CaseResult{File: p, Name: c.Name, Line: c.Line, Failures: c.Run(byID)})
		}
		return nil
	})
	return out, err
}
