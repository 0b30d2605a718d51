package fulltext

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// The tier a policy was indexed in is judged on the day it was indexed;
// searches dated before or after that day must still give each policy its
// status of their own day, in the hits, the filter and the status facet,
// also after the index is closed and opened again.
func TestStatusesOnOtherDays(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix := mustOpen(t, dir)
	ctx := context.Background()
	now := time.Now()
	y := now.Year()
	mk := func(id string, expires huiqi.Date, draft bool) *huiqi.Policy {
		p := policy(id, "", "孵化器补助测试文件"+id)
		p.ExpiresOn, p.Draft = expires, draft
		return p
	}
	ps := []*huiqi.Policy{
		mk("lapsed", huiqi.Date{Year: y - 2, Month: 6, Day: 30}, false),  // archive
		mk("lapsing", huiqi.Date{Year: y + 2, Month: 6, Day: 30}, false), // current, stale in y+3
		mk("forever", huiqi.Date{}, false),                               // current
		mk("draft", huiqi.Date{}, true),                                  // current
		mk("repealed", huiqi.Date{Year: y + 5, Month: 1, Day: 1}, false), // superseded below
	}
	ps[4].DocNumber = "测政发〔2020〕1号"
	repealer := mk("repealer", huiqi.Date{}, false)
	repealer.Repeals = []huiqi.Repeal{{DocNumber: "测政发〔2020〕1号"}}
	if err := ix.IndexBatch(ctx, append(ps, repealer)); err != nil {
		t.Fatal(err)
	}
	days := []struct {
		name string
		now  time.Time
		want map[string]huiqi.PolicyStatus
	}{
		{"today", now, map[string]huiqi.PolicyStatus{"lapsed": "expired", "lapsing": "in_force", "forever": "in_force", "draft": "draft", "repealed": "superseded", "repealer": "in_force"}},
		{"three years back", now.AddDate(-3, 0, 0), map[string]huiqi.PolicyStatus{"lapsed": "in_force", "lapsing": "in_force", "forever": "in_force", "draft": "draft", "repealed": "superseded", "repealer": "in_force"}},
		{"three years on", now.AddDate(3, 0, 0), map[string]huiqi.PolicyStatus{"lapsed": "expired", "lapsing": "expired", "forever": "in_force", "draft": "draft", "repealed": "superseded", "repealer": "in_force"}},
	}
	check := func(t *testing.T, ix *Index) {
		for _, d := range days {
			all, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Now: d.now, Limit: 100, Status: statuses})
			if err != nil {
				t.Fatal(err)
			}
			want := map[huiqi.PolicyStatus]int{}
			for _, h := range all.Hits {
				if h.Status != d.want[h.ID] {
					t.Errorf("%s: %s is %s, want %s", d.name, h.ID, h.Status, d.want[h.ID])
				}
				want[d.want[h.ID]]++
			}
			if len(all.Hits) != len(d.want) {
				t.Errorf("%s: %d hits over all statuses, want %d", d.name, len(all.Hits), len(d.want))
			}
			for _, f := range all.Facets["status"] {
				if f.Count != want[huiqi.PolicyStatus(f.Value)] {
					t.Errorf("%s: status facet %s = %d, want %d", d.name, f.Value, f.Count, want[huiqi.PolicyStatus(f.Value)])
				}
				delete(want, huiqi.PolicyStatus(f.Value))
			}
			if len(want) > 0 {
				t.Errorf("%s: status facet lacks %v", d.name, want)
			}
			for _, s := range statuses {
				res, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Now: d.now, Limit: 100, Status: []huiqi.PolicyStatus{s}})
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					if h.Status != s {
						t.Errorf("%s: status=%s returned %s (%s)", d.name, s, h.ID, h.Status)
					}
				}
				if n := countOf(d.want, s); res.Total != n {
					t.Errorf("%s: status=%s total %d, want %d", d.name, s, res.Total, n)
				}
			}
			def, err := ix.Search(ctx, huiqi.SearchQuery{Text: "孵化器", Now: d.now, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			if n := countOf(d.want, huiqi.StatusInForce) + countOf(d.want, huiqi.StatusDraft); def.Total != n {
				t.Errorf("%s: default search total %d, want %d (in force and drafts)", d.name, def.Total, n)
			}
		}
	}
	check(t, ix)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = mustOpen(t, dir)
	defer ix.Close()
	check(t, ix)
}

func countOf(m map[string]huiqi.PolicyStatus, s huiqi.PolicyStatus) int {
	n := 0
	for _, v := range m {
		if v == s {
			n++
		}
	}
	return n
}

func TestShortestCover(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		occ  []occurrence
		n    int
		want int
	}{
		{"none", nil, 2, 0},
		{"one word missing", []occurrence{{0, 3, 0}, {9, 12, 0}}, 2, 0},
		{"adjacent", []occurrence{{0, 9, 0}, {9, 15, 1}}, 2, 15},
		{"the closer pair wins", []occurrence{{0, 9, 0}, {90, 96, 1}, {120, 129, 0}, {135, 141, 1}}, 2, 21},
		{"out of order", []occurrence{{50, 56, 1}, {0, 9, 0}, {40, 49, 0}}, 2, 16},
	}
	for _, c := range cases {
		if got := shortestCover(c.occ, c.n); got != c.want {
			t.Errorf("%s: shortestCover = %d, want %d", c.name, got, c.want)
		}
	}
}
