package rules_test

import (
	"os"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/rules"
)

// TestRuleFiles runs every test case beside every rule file in the
// repository: the embedded national sets and the examples in testdata.
func TestRuleFiles(t *testing.T) {
	for _, dir := range []string{"national", "testdata"} {
		results, err := rules.RunDir(os.DirFS(dir), ".")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if len(results) == 0 {
			t.Fatalf("%s: no test cases found", dir)
		}
		for _, r := range results {
			t.Run(dir+"/"+r.Name, func(t *testing.T) {
				if len(r.Failures) > 0 {
					t.Errorf("%s/%s:%d: %s", dir, r.File, r.Line, strings.Join(r.Failures, "\n\t"))
				}
			})
		}
	}
}
