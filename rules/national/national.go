// Package national holds the national rule sets (高新技术企业, …) and their
// test cases, embedded in the binary.
package national

import (
	"embed"
	"sync"

	"github.com/huiqi-dev/huiqi/rules"
)

// FS holds the rule files, their test cases (NAME.test.yaml) and the
// profiles the cases read (testdata/).
//
//go:embed *.yaml testdata
var FS embed.FS

var (
	once sync.Once
	sets []*rules.Set
	err  error
)

// Sets returns the national rule sets, parsed once. An error means an
// embedded file is broken, which the package's tests catch.
func Sets() ([]*rules.Set, error) {
	once.Do(func() { sets, err = rules.LoadFS(FS, ".") })
	return sets, err
}
