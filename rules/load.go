package rules

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// TestSuffix ends the name of a test case file beside a rule file.
const TestSuffix = ".test.yaml"

// IsRuleFile reports whether name is a rule file (NAME.yaml, not a test).
func IsRuleFile(name string) bool {
	return strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, TestSuffix)
}

// LoadFS parses every rule file under dir in fsys (not descending into
// testdata folders), in name order; ids must be unique.
func LoadFS(fsys fs.FS, dir string) ([]*Set, error) {
	var sets []*Set
	seen := map[string]string{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" && p != dir {
			return fs.SkipDir
		}
		if d.IsDir() || !IsRuleFile(d.Name()) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s, err := Parse(p, data)
		if err != nil {
			return err
		}
		if other, dup := seen[s.ID]; dup {
			return huiqi.Errorf(huiqi.EINVALID, "%s: rule set id %q is also in %s", p, s.ID, other)
		}
		seen[s.ID] = p
		sets = append(sets, s)
		return nil
	})
	sort.SliceStable(sets, func(i, j int) bool { return path.Base(sets[i].File) < path.Base(sets[j].File) })
	return sets, err
}
