package match

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestAskMost: the questions that decide more unknown measures first; among
// equals those that alone decide more, then more money at stake; the same
// five a full sort gives.
func TestAskMost(t *testing.T) {
	t.Parallel()
	amount := func(v int64) *huiqi.Amount { return &huiqi.Amount{Min: v, Max: v} }
	region := huiqi.Field{Path: "declarations.registered_in_p1", Label: "注册地在《某政策》适用的地区内"}
	fact := func(id string) huiqi.Field {
		return huiqi.Field{Path: "declarations." + id, Label: "符合原文所述条件：「" + id + "」"}
	}
	rs := []huiqi.MatchResult{
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{region, fact("a")}, Amount: amount(10)},
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{region, fact("b")}, Amount: amount(500)},
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{fact("c")}, Amount: amount(1)},
		{Status: huiqi.MatchUnknown, Ask: []huiqi.Field{{Path: "employees", Label: "职工人数"}}, Amount: amount(2)},
		{Status: huiqi.MatchLikely, Ask: []huiqi.Field{fact("x")}},
	}
	var got []string
	for _, f := range askMost(rs, 0) {
		got = append(got, f.Path)
	}
	want := []string{region.Path, "employees", "declarations.c", "declarations.b", "declarations.a"}
	if !slices.Equal(got, want) {
		t.Errorf("ask %v, want %v", got, want)
	}
	if a := askMost(rs, 3); a[0].Path != "region_code" {
		t.Errorf("3 local measures pending the region: ask %+v, want region_code first", a)
	}

	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var rs []huiqi.MatchResult
		for i := range r.IntN(40) {
			var ask []huiqi.Field
			id := fmt.Sprint("m_", i)
			for range 1 + r.IntN(3) {
				ask = append(ask, huiqi.Field{Path: fmt.Sprint(r.IntN(12))})
			}
			if r.IntN(2) == 0 { // a fact of the measure's own text
				ask = append(ask, huiqi.Field{Path: "declarations." + id + "_s1"})
			}
			rs = append(rs, huiqi.MatchResult{MeasureID: id, Status: huiqi.MatchUnknown, Ask: ask, Amount: amount(r.Int64N(4))})
		}
		got := askMost(rs, 0)
		ranks := ranksOf(rs)
		slices.SortFunc(ranks, func(a, b askRank) int {
			if a.before(&b) {
				return -1
			}
			return 1
		})
		for i, f := range got {
			if f.Path != ranks[i].f.Path {
				t.Fatalf("ask %v, sorted %v", got, ranks)
			}
		}
		if len(got) != min(5, len(ranks)) {
			t.Fatalf("%d questions of %d", len(got), len(ranks))
		}
	}
}

// ranksOf counts as askMost does, without the region pending.
func ranksOf(rs []huiqi.MatchResult) []askRank {
	at := map[string]int{}
	var out []askRank
	for _, r := range rs {
		for _, f := range r.Ask {
			j, ok := at[f.Path]
			if !ok {
				j = len(out)
				at[f.Path] = j
				out = append(out, askRank{f: f})
			}
			out[j].count++
			if len(r.Ask) == 1 {
				out[j].alone++
			}
			out[j].stake = max(out[j].stake, r.Amount.Max)
		}
	}
	return out
}
