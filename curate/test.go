package curate

import (
	"strings"
	"testing/fstest"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// TestReport is the outcome of a rule's test cases: the rule's own error
// when it does not parse, the cases' when they do not, else each case.
type TestReport struct {
	RuleError  string
	CasesError string
	Set        *rules.Set
	Cases      []CaseResult
}

// CaseResult is one case: passed, or the differences from what it expects.
type CaseResult struct {
	Name     string
	Line     int
	Pass     bool
	Failures []string
}

// Passed reports whether the rule parses, has at least one case and every
// case passes.
func (r *TestReport) Passed() bool {
	if r.RuleError != "" || r.CasesError != "" || len(r.Cases) == 0 {
		return false
	}
	for _, c := range r.Cases {
		if !c.Pass {
			return false
		}
	}
	return true
}

// Failed counts the cases that did not pass.
func (r *TestReport) Failed() int {
	n := 0
	for _, c := range r.Cases {
		if !c.Pass {
			n++
		}
	}
	return n
}

// casesFile is the name the cases are parsed under; a profile_file of a
// case names a file beside it, which does not exist here.
const casesFile = "rule.test.yaml"

// TestRule parses the rule and its cases (docs/rules.md) and runs every
// case against the rule, saving nothing.
func TestRule(yaml, cases string) *TestReport {
	rep := &TestReport{}
	set, err := rules.Parse("rule.yaml", []byte(yaml))
	if err != nil {
		rep.RuleError = huiqi.ErrorMessage(err)
		return rep
	}
	rep.Set = set
	if strings.TrimSpace(cases) == "" {
		return rep // no case: Passed is false, and PublishRule says so
	}
	cs, err := rules.ParseCases(fstest.MapFS{casesFile: {Data: []byte(cases)}}, casesFile)
	if err != nil {
		rep.CasesError = huiqi.ErrorMessage(err)
		return rep
	}
	sets := map[string]*rules.Set{set.ID: set}
	for _, c := range cs {
		fails := c.Run(sets)
		rep.Cases = append(rep.Cases, CaseResult{Name: c.Name, Line: c.Line, Pass: len(fails) == 0, Failures: fails})
	}
	return rep
}
