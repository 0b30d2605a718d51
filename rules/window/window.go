// Package window holds the application windows (申报窗口) of rule sets per
// region — embedded configurable defaults, which a file may override — and
// finds the next window on or after a date.
package window

import (
	_ "embed"
	"slices"
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

//go:embed windows.yaml
var defaults []byte

// DefaultFile names the embedded windows in messages.
const DefaultFile = "windows.yaml"

// Table is a set of windows by rule set and region.
type Table struct {
	entries []*entry
}

// entry is the windows of one rule set in one region.
type entry struct {
	Rule    string   `yaml:"rule"`
	Region  string   `yaml:"region"`
	Default bool     `yaml:"default"`
	Note    string   `yaml:"note"`
	Batches []*batch `yaml:"batches"`
}

// batch is one window: every year (Year 0) or in one year.
type batch struct {
	Name   string   `yaml:"name"`
	Opens  monthDay `yaml:"opens"`
	Closes monthDay `yaml:"closes"`
	Year   int      `yaml:"-"` // set from dated opens and closes
}

// Default returns the embedded windows.
func Default() (*Table, error) { return Parse(DefaultFile, defaults) }

// Override lays o over t: o's entries replace t's of the same rule and
// region; the others are kept.
func (t *Table) Override(o *Table) *Table {
	out := &Table{}
	for _, e := range t.entries {
		if o.find(e.Rule, e.Region) == nil {
			out.entries = append(out.entries, e)
		}
	}
	out.entries = append(out.entries, o.entries...)
	return out
}

func (t *Table) find(rule, code string) *entry {
	for _, e := range t.entries {
		if e.Rule == rule && e.Region == code {
			return e
		}
	}
	return nil
}

// Rules are the rule set ids the table has windows for.
func (t *Table) Rules() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range t.entries {
		if !seen[e.Rule] {
			seen[e.Rule] = true
			out = append(out, e.Rule)
		}
	}
	sort.Strings(out)
	return out
}

// Next is the first window of rule for an enterprise in regionCode that
// closes on or after on — it may already be open — looking three years
// ahead. The windows of the most specific region listed that contains
// regionCode apply, else the nationwide ones; an unknown region ("") gets
// the nationwide ones. false when there is none.
func (t *Table) Next(rule, regionCode string, on huiqi.Date) (*huiqi.Window, bool) {
	e := t.forRegion(rule, regionCode)
	if e == nil {
		return nil, false
	}
	for y := on.Year; y <= on.Year+3; y++ {
		for _, b := range e.inYear(y) {
			w := b.in(y)
			if cmpDate(w.Closes, on) >= 0 {
				w.Region, w.Default = e.Region, e.Default
				w.Note = e.Note
				return &w, true
			}
		}
	}
	return nil, false
}

// forRegion is the entry of rule for the most specific region containing
// code.
func (t *Table) forRegion(rule, code string) *entry {
	var best *entry
	for _, e := range t.entries {
		if e.Rule != rule {
			continue
		}
		inside := e.Region == region.National.Code || code != "" && region.Contains(e.Region, code)
		if inside && (best == nil || best.Region == region.National.Code || region.Contains(best.Region, e.Region)) {
			best = e
		}
	}
	return best
}

// inYear are the batches of year y in order of opening: the dated ones of
// y and the recurring ones, except those a dated batch of y names (it
// replaces them that year).
func (e *entry) inYear(y int) []*batch {
	var out []*batch
	for _, b := range e.Batches {
		if b.Year == y {
			out = append(out, b)
		}
	}
	for _, b := range e.Batches {
		if b.Year == 0 && !slices.ContainsFunc(out, func(d *batch) bool { return d.Name == b.Name }) {
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Opens.before(out[j].Opens) })
	return out
}

func (b *batch) in(y int) huiqi.Window {
	name := b.Name
	if !strings.HasPrefix(name, itoa(y)+"年") {
		name = itoa(y) + "年" + name
	}
	return huiqi.Window{Name: name, Opens: b.Opens.in(y), Closes: b.Closes.in(y)}
}

func cmpDate(a, b huiqi.Date) int {
	switch {
	case a.Year != b.Year:
		return a.Year - b.Year
	case a.Month != b.Month:
		return a.Month - b.Month
	}
	return a.Day - b.Day
}
