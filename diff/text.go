package diff

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// WriteText writes the result for people: a heading, the changed metadata, the
// measures, targets and tasks marked + (added), - (removed) and ~ (changed),
// then the text as a unified diff whose hunk headers name the clause.
func (r Result) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "policy %s: version %d → %d  %s\n", r.ID, r.OldVersion, r.NewVersion, r.Title)
	if r.Empty() {
		fmt.Fprintln(bw, "no changes")
		return bw.Flush()
	}
	if len(r.Fields) > 0 {
		fmt.Fprintln(bw, "\nmetadata")
		writeFields(bw, "  ", r.Fields)
	}
	writeChanges(bw, "measures", r.Measures, describeMeasure)
	writeChanges(bw, "targets", r.Targets, describeTarget)
	writeChanges(bw, "tasks", r.Tasks, describeTask)
	if len(r.Hunks) > 0 {
		fmt.Fprintf(bw, "\ntext\n--- version %d\n+++ version %d\n", r.OldVersion, r.NewVersion)
		for _, h := range r.Hunks {
			writeHunk(bw, h)
		}
	}
	return bw.Flush()
}

func writeFields(w io.Writer, indent string, fs []FieldChange) {
	for _, f := range fs {
		old, new := narrow(f.Old, f.New)
		fmt.Fprintf(w, "%s%s: %s → %s\n", indent, f.Field, quote(old), quote(new))
	}
}

// narrow cuts long values down to where they differ, with a little context,
// so an amount edited in a long sentence reads …超过200万元… → …超过300万元….
func narrow(old, new string) (string, string) {
	a, b := []rune(oneLine(old)), []rune(oneLine(new))
	if len(a) <= 40 && len(b) <= 40 {
		return string(a), string(b)
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	const context = 8
	cut := func(r []rune) string {
		from, to := max(0, p-context), min(len(r), len(r)-s+context)
		out := string(r[from:to])
		if from > 0 {
			out = "…" + out
		}
		if to < len(r) {
			out += "…"
		}
		return out
	}
	return cut(a), cut(b)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// quote shows an empty value as such and shortens long ones.
func quote(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}

func writeChanges[T any](w io.Writer, name string, cs []Change[T], describe func(*T) string) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", name)
	for _, c := range cs {
		switch c.Op {
		case Added:
			fmt.Fprintf(w, "  + %s\n", describe(c.New))
		case Removed:
			fmt.Fprintf(w, "  - %s\n", describe(c.Old))
		case Changed:
			fmt.Fprintf(w, "  ~ %s\n", describe(c.New))
			writeFields(w, "      ", c.Fields)
		}
	}
}

func describeMeasure(m *huiqi.Measure) string {
	return join("["+m.ClausePath+"]", string(m.Kind), amount(m), quote(m.Beneficiary))
}

func describeTarget(t *huiqi.Target) string {
	return join("["+t.ClausePath+"]", t.Indicator, t.Comparator+quantity(t.Value, t.Unit), year(t.Year))
}

func describeTask(t *huiqi.Task) string {
	return join("["+t.ClausePath+"]", t.Title, strings.Join(t.Units, "、"))
}

func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && p != "[]" && p != "(none)" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "  ")
}

func writeHunk(w io.Writer, h Hunk) {
	fmt.Fprintf(w, "@@ -%s +%s @@", span(h.OldStart, h.OldLines), span(h.NewStart, h.NewLines))
	if h.Clause != "" {
		fmt.Fprintf(w, " %s", h.Clause)
	}
	fmt.Fprintln(w)
	for _, l := range h.Lines {
		fmt.Fprintf(w, "%c%s\n", l.Op, l.Text)
	}
}

// span formats a hunk range as unified diff does: "3" for one line, else "3,4".
func span(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
