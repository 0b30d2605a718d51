package rules

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A wrong expectation must fail: the runner is what every rule test
// relies on.
func TestRunReportsFailures(t *testing.T) {
	fsys := fstest.MapFS{
		"demo.yaml": {Data: []byte(minimal)},
		"demo.test.yaml": {Data: []byte(`- name: right
  as_of: 2026-01-01
  profile: {employees: 10}
  expect:
    demo: {status: eligible, conditions: {}}
- name: wrong status
  as_of: 2026-01-01
  profile: {employees: 9}
  expect:
    demo: {status: eligible}
- name: unknown rule and condition
  as_of: 2026-01-01
  profile: {}
  expect:
    nope: {status: eligible}
    demo: {status: unknown, conditions: {missing_id: met}, ask: [tech_staff], amount: [1, 2]}
`)},
	}
	results, err := RunDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 {
		t.Fatalf("%d results, want 3", len(results))
	}
	if len(results[0].Failures) != 0 {
		t.Errorf("right: %v", results[0].Failures)
	}
	if f := strings.Join(results[1].Failures, "|"); !strings.Contains(f, "status not_eligible, want eligible") {
		t.Errorf("wrong status: %q", f)
	}
	f := strings.Join(results[2].Failures, "|")
	for _, want := range []string{"nope: no such rule set", "condition missing_id: no such condition", "ask [employees], want [tech_staff]", "amount unknown"} {
		if !strings.Contains(f, want) {
			t.Errorf("failures %q lack %q", f, want)
		}
	}
}

func TestCaseFileErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"- name: x\n  as_of: 2026-01-01\n  expect: {demo: {status: eligible}}\n  profil: {}\n", "c.test.yaml:4: unknown key \"profil\""},
		{"- name: x\n  as_of: 2026-01-01\n  profile: {employes: 1}\n  expect: {demo: {status: eligible}}\n", "unknown field \"employes\""},
		{"- name: x\n  profile: {}\n  expect: {demo: {}}\n", "c.test.yaml:1: case \"x\": as_of is required"},
		{"- name: x\n  as_of: 2026-01-01\n  profile_file: nothere.json\n  expect: {demo: {}}\n", "nothere.json"},
	}
	for _, tt := range tests {
		_, err := ParseCases(fstest.MapFS{"c.test.yaml": {Data: []byte(tt.src)}}, "c.test.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCases = %v, want %q", err, tt.want)
		}
	}
}
