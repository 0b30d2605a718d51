package window

import "sort"

// Entry describes the windows of one rule set in one region, for people.
type Entry struct {
	Rule, Region, Note string
	Default            bool
	// Batches in words: "第一批 每年 05-01 至 06-30", "第二批 2027-08-01 至 2027-08-31".
	Batches []string
}

// Entries are the table's entries by rule and region.
func (t *Table) Entries() []Entry {
	var out []Entry
	for _, e := range t.entries {
		x := Entry{Rule: e.Rule, Region: e.Region, Note: e.Note, Default: e.Default}
		for _, b := range e.Batches {
			when := "每年 " + b.Opens.String() + " 至 " + b.Closes.String()
			if b.Year != 0 {
				when = b.Opens.in(b.Year).String() + " 至 " + b.Closes.in(b.Year).String()
			}
			x.Batches = append(x.Batches, b.Name+" "+when)
		}
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Rule < out[j].Rule || out[i].Rule == out[j].Rule && out[i].Region < out[j].Region
	})
	return out
}
