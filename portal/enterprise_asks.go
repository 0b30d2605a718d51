package portal

import (
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// askCount is a profile field that undecided measures wait for, with how
// many of them do.
type askCount struct {
	askView
	N int
}

// topAsks are the n fields most often missing from the measures whose
// answer is unknown — listed or not — most asked first: the questions
// that would decide the most. A measure's own facts to state
// (declarations.ID) are asked on its policy's page, not in the form, and
// each decides one measure only: they are left out.
func topAsks(rs []huiqi.MatchResult, n int) []askCount {
	counts := map[string]*askCount{}
	for _, r := range rs {
		if r.Status != huiqi.MatchUnknown {
			continue
		}
		seen := map[string]bool{}
		for _, f := range r.Ask {
			path := askField(f.Path)
			if seen[path] || strings.HasPrefix(path, "declarations.") {
				continue
			}
			seen[path] = true
			if counts[path] == nil {
				label := orSame(f.Label, f.Path)
				if path == "certifications" {
					label = "已获资质（认定）"
				}
				counts[path] = &askCount{askView: askView{Label: label, URL: "/enterprise#" + fieldID(path)}}
			}
			counts[path].N++
		}
	}
	out := make([]askCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].URL < out[j].URL
	})
	return out[:min(n, len(out))]
}
