package extract

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi/region"
)

var (
	regionNamesOnce sync.Once
	regionNames     map[string]bool
)

// regionPrefixLen returns the byte length of the administrative division name
// (成都市, 青羊区, 浙江省, 宁夏回族自治区, …) that s begins with, or 0.
func regionPrefixLen(s string) int {
	regionNamesOnce.Do(func() {
		regionNames = map[string]bool{}
		for _, r := range region.All() {
			if r.Name != "" && r.Name != "市辖区" && r.Name != "县" && utf8.RuneCountInString(r.Name) >= 2 {
				regionNames[r.Name] = true
			}
		}
	})
	best, n := 0, 0
	for i := range s {
		if n++; n > 12 {
			break
		}
		if regionNames[s[:i]] {
			best = i
		}
	}
	if regionNames[s] {
		best = len(s)
	}
	// "中共XX" and "XX省委" start with a region too; callers look at the rest.
	return best
}

// hasRegionWord reports whether s names any division, used to tell a body's
// full name from a bare department name.
func hasRegionWord(s string) bool {
	for i := range s {
		if regionPrefixLen(s[i:]) > 0 {
			return true
		}
	}
	return strings.HasPrefix(s, "国")
}
