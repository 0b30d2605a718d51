package searchtest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

//go:embed testdata/searches.json
var searchesJSON []byte

// Case is one search of testdata/searches.json and what its result must
// hold, in the spirit of bleve's searches.json. Policies are named by title
// or by an ID prefix written "id:…".
type Case struct {
	Name  string            `json:"name"`
	Query huiqi.SearchQuery `json:"query"`
	// Now is the day statuses are judged on (YYYY-MM-DD); default DefaultNow.
	Now         string   `json:"now,omitempty"`
	MustInclude []string `json:"must_include,omitempty"`
	MustExclude []string `json:"must_exclude,omitempty"`
	MinTotal    int      `json:"min_total,omitempty"`
	MaxTotal    *int     `json:"max_total,omitempty"`
	// Top is the policy expected first.
	Top string `json:"top,omitempty"`
	// Error is the expected error code (huiqi.EINVALID), no result then.
	Error string `json:"error,omitempty"`
	// Facets lists facet values that must appear: "region=331082".
	Facets []string `json:"facets,omitempty"`
	// Marked lists words some snippet of the top hit must highlight.
	Marked []string `json:"marked,omitempty"`
}

// DefaultNow is the day cases judge statuses on unless they say otherwise:
// fixed, so that expiry dates in the corpus give the same answer every year.
const DefaultNow = "2019-06-01"

// Cases returns the cases of testdata/searches.json.
func Cases() ([]Case, error) {
	var cs []Case
	if err := json.Unmarshal(searchesJSON, &cs); err != nil {
		return nil, fmt.Errorf("searchtest: searches.json: %w", err)
	}
	return cs, nil
}

// query returns the case's query with its day set.
func (c Case) query() (huiqi.SearchQuery, error) {
	q := c.Query
	now := c.Now
	if now == "" {
		now = DefaultNow
	}
	t, err := time.Parse(time.DateOnly, now)
	q.Now = t
	return q, err
}

// Check returns what is wrong with a result (err is the search error).
func (c Case) Check(res *huiqi.SearchResult, err error) []string {
	if c.Error != "" {
		if huiqi.ErrorCode(err) != c.Error {
			return []string{fmt.Sprintf("want error %s, got %v", c.Error, err)}
		}
		return nil
	}
	if err != nil {
		return []string{fmt.Sprintf("search: %v", err)}
	}
	var bad []string
	for _, name := range c.MustInclude {
		if rank(res.Hits, name) < 0 {
			bad = append(bad, fmt.Sprintf("missing %q", name))
		}
	}
	for _, name := range c.MustExclude {
		if rank(res.Hits, name) >= 0 {
			bad = append(bad, fmt.Sprintf("has excluded %q", name))
		}
	}
	if res.Total < c.MinTotal {
		bad = append(bad, fmt.Sprintf("total %d < %d", res.Total, c.MinTotal))
	}
	if c.MaxTotal != nil && res.Total > *c.MaxTotal {
		bad = append(bad, fmt.Sprintf("total %d > %d", res.Total, *c.MaxTotal))
	}
	if c.Top != "" && rank(res.Hits, c.Top) != 0 {
		bad = append(bad, fmt.Sprintf("top is %s, want %q", topTitle(res), c.Top))
	}
	bad = append(bad, c.checkFacets(res)...)
	return append(bad, c.checkMarks(res)...)
}

func (c Case) checkFacets(res *huiqi.SearchResult) []string {
	var bad []string
	for _, f := range c.Facets {
		name, value, _ := strings.Cut(f, "=")
		if !slices.ContainsFunc(res.Facets[name], func(fc huiqi.FacetCount) bool { return fc.Value == value && fc.Count > 0 }) {
			bad = append(bad, fmt.Sprintf("facet %s lacks %q: %v", name, value, res.Facets[name]))
		}
	}
	return bad
}

func (c Case) checkMarks(res *huiqi.SearchResult) []string {
	if len(c.Marked) == 0 {
		return nil
	}
	if len(res.Hits) == 0 {
		return []string{"no hit to check marks on"}
	}
	marked := map[string]bool{}
	for _, s := range res.Hits[0].Snippets {
		for _, m := range s.Marks {
			if m.Start < 0 || m.End > len(s.Text) || m.Start >= m.End {
				return []string{fmt.Sprintf("mark %v out of snippet %q", m, s.Text)}
			}
			marked[s.Text[m.Start:m.End]] = true
		}
	}
	var bad []string
	for _, w := range c.Marked {
		if !marked[w] {
			bad = append(bad, fmt.Sprintf("top hit does not mark %q (marks %v)", w, keys(marked)))
		}
	}
	return bad
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// rank is the position of the named policy among hits, -1 when absent.
func rank(hits []huiqi.SearchHit, name string) int {
	return slices.IndexFunc(hits, func(h huiqi.SearchHit) bool { return names(h, name) })
}

func names(h huiqi.SearchHit, name string) bool {
	if id, ok := strings.CutPrefix(name, "id:"); ok {
		return strings.HasPrefix(h.ID, id)
	}
	return h.Title == name
}

func topTitle(res *huiqi.SearchResult) string {
	if len(res.Hits) == 0 {
		return "nothing"
	}
	return fmt.Sprintf("%q", res.Hits[0].Title)
}
