package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/diff"
)

// writePolicy prints a policy for reading in a terminal: metadata, the clause
// tree indented, then measures, targets and tasks with their clauses. versions
// is the stored history, nil for a policy not stored.
func writePolicy(w io.Writer, p *huiqi.Policy, versions []huiqi.VersionInfo) error {
	bw := bufio.NewWriter(w)
	writeMeta(bw, p, versions)
	writeClauses(bw, p)
	writeMeasures(bw, p.Measures)
	writeTargets(bw, p.Targets)
	writeTasks(bw, p.Tasks)
	return bw.Flush()
}

func writeMeta(w io.Writer, p *huiqi.Policy, versions []huiqi.VersionInfo) {
	fmt.Fprintln(w, orNone(p.Title))
	row := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" {
			fmt.Fprintf(w, "  %-13s %s\n", k, v)
		}
	}
	if p.ID != "" {
		row("id", fmt.Sprintf("%s  version %d of %d", p.ID, p.Version, max(len(versions), p.Version)))
	}
	row("doc number", p.DocNumber)
	row("type", p.DocType+map[bool]string{true: "  (draft)"}[p.Draft])
	row("issuers", strings.Join(p.Issuers, "、"))
	if p.Region != nil {
		row("region", p.Region.Code+" "+p.Region.Name)
	}
	row("issued", p.IssuedOn.String())
	row("published", p.PublishedOn.String())
	row("effective", strings.TrimSpace(p.EffectiveOn.String()+" "+p.EffectiveRule))
	row("expires", p.ExpiresOn.String())
	for _, r := range p.Repeals {
		row("repeals", strings.TrimSpace(r.Title+" "+r.DocNumber))
	}
	s := p.Source
	if s.FileName != "" {
		name := s.FileName
		if s.Record > 0 {
			name += fmt.Sprintf(" line %d", s.Record)
		}
		row("source", fmt.Sprintf("%s (%s, %s, %s)", name, s.Format, s.Encoding, size(s.Size)))
	}
}

func writeClauses(w io.Writer, p *huiqi.Policy) {
	if len(p.Clauses) == 0 {
		return
	}
	fmt.Fprintf(w, "\nclauses (%d)\n", len(p.Clauses))
	top := p.Clauses[0].Depth
	for _, c := range p.Clauses {
		top = min(top, c.Depth)
	}
	for _, c := range p.Clauses {
		head := c.Heading
		if head == "" {
			head = excerpt(p.Text, c.HeadSpan, 36)
			head = strings.TrimSpace(strings.TrimPrefix(head, c.Label))
		}
		fmt.Fprintf(w, "  %s%s %s\n", strings.Repeat("  ", c.Depth-top), c.Label, head)
	}
}

func writeMeasures(w io.Writer, ms []huiqi.Measure) {
	if len(ms) == 0 {
		return
	}
	fmt.Fprintf(w, "\nmeasures (%d)\n", len(ms))
	for _, m := range ms {
		fmt.Fprintf(w, "  [%s] %s  %s\n", m.ClausePath, orNone(amount(m)), m.Kind)
		if m.Beneficiary != "" {
			fmt.Fprintf(w, "      for: %s\n", m.Beneficiary)
		}
		if m.Condition != "" {
			fmt.Fprintf(w, "      if:  %s\n", shorten(m.Condition, 60))
		}
		fmt.Fprintf(w, "      %s\n", shorten(m.Text, 60))
	}
}

// amount formats a measure's money in 万元, with range, rate, cap and period.
func amount(m huiqi.Measure) string {
	var parts []string
	if m.Rate != nil {
		parts = append(parts, strconv.FormatFloat(math.Round(*m.Rate*1e8)/1e6, 'f', -1, 64)+"% of "+orNone(m.RateBase))
	}
	if m.AmountYuan != nil {
		a := diff.Wan(*m.AmountYuan)
		if m.AmountMinYuan != nil {
			a = diff.Wan(*m.AmountMinYuan) + "–" + a
		}
		if m.AmountIsCap {
			a = "up to " + a
		}
		if m.PerUnit != "" {
			a += " per " + m.PerUnit
		}
		parts = append(parts, a)
	}
	if m.CapYuan != nil {
		parts = append(parts, "cap "+diff.Wan(*m.CapYuan)+map[string]string{"year": " a year", "total": " in total"}[m.CapPeriod])
	}
	if m.Periodicity != "" {
		parts = append(parts, strings.ReplaceAll(m.Periodicity, "_", "-"))
	}
	return strings.Join(parts, ", ")
}

func writeTargets(w io.Writer, ts []huiqi.Target) {
	if len(ts) == 0 {
		return
	}
	fmt.Fprintf(w, "\ntargets (%d)\n", len(ts))
	for _, t := range ts {
		v := t.Comparator + quantity(t.Value, t.Unit)
		if t.Year != 0 {
			v += fmt.Sprintf(" by %d", t.Year)
		}
		if t.Baseline != nil && t.BaselineYear != 0 {
			v += fmt.Sprintf(" (from %s in %d)", quantity(*t.Baseline, t.Unit), t.BaselineYear)
		} else if t.Baseline != nil {
			v += fmt.Sprintf(" (from %s)", quantity(*t.Baseline, t.Unit))
		}
		fmt.Fprintf(w, "  [%s] %s: %s\n", t.ClausePath, orNone(t.Indicator), v)
	}
}

func writeTasks(w io.Writer, ts []huiqi.Task) {
	if len(ts) == 0 {
		return
	}
	fmt.Fprintf(w, "\ntasks (%d)\n", len(ts))
	for _, t := range ts {
		fmt.Fprintf(w, "  [%s] %s\n", t.ClausePath, orNone(t.Title))
		if len(t.LeadUnits) > 0 {
			fmt.Fprintf(w, "      lead:  %s\n", strings.Join(t.LeadUnits, "、"))
		}
		if others := t.Units[min(len(t.LeadUnits), len(t.Units)):]; len(others) > 0 {
			fmt.Fprintf(w, "      units: %s\n", strings.Join(others, "、"))
		}
	}
}

// quantity formats a target value; money, stored in yuan, reads in 万元.
func quantity(v float64, unit string) string {
	if unit == "元" && v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return diff.Wan(int64(v))
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + " " + unit
}

// excerpt returns the text of a span, one line, at most n characters.
func excerpt(text string, s huiqi.Span, n int) string {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return ""
	}
	line, _, _ := strings.Cut(text[s.Start:s.End], "\n")
	return shorten(line, n)
}

// shorten cuts s to n characters, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	return s
}

// size formats a byte count: 12.3 KB.
func size(n int64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
