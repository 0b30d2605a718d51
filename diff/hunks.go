package diff

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Context is the number of unchanged lines shown around a change.
const Context = 3

// Hunk is one region of change in the text, as in a unified diff. Line numbers
// count from 1 in the split text (see splitLines).
type Hunk struct {
	OldStart, OldLines int
	NewStart, NewLines int
	// Clause is the path and heading of the innermost clause of the new version
	// at the first change ("三/(二) 加大资金支持"), "" before the first clause.
	Clause string
	Lines  []Line
}

// Line is one line of a hunk: Op ' ' kept, '-' removed, '+' added.
type Line struct {
	Op   byte
	Text string
}

// line is a line of a policy text with the byte offset where it starts.
type line struct {
	text string
	off  int
}

// splitLines cuts text into lines, and long paragraphs after each 。 so that
// an edited sentence shows as that sentence, not its whole paragraph: Chinese
// policy texts often put a clause of several sentences on one line.
func splitLines(text string) []line {
	var out []line
	off := 0
	for rest := text; rest != ""; {
		n := strings.IndexByte(rest, '\n') + 1
		if n == 0 {
			n = len(rest)
		}
		if k := strings.Index(rest[:n], "。"); k >= 0 && k+len("。") < n && strings.TrimSpace(rest[k+len("。"):n]) != "" {
			n = k + len("。")
		}
		out = append(out, line{text: strings.TrimRight(rest[:n], "\r\n"), off: off})
		off += n
		rest = rest[n:]
	}
	return out
}

func texts(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// textHunks diffs the texts of two policies by line and groups the edits into
// hunks with Context lines around each change.
func textHunks(old, new *huiqi.Policy) []Hunk {
	a, b := splitLines(old.Text), splitLines(new.Text)
	edits := lineDiff(texts(a), texts(b))
	var hunks []Hunk
	for i := 0; i < len(edits); {
		if edits[i].Kind == ' ' {
			i++
			continue
		}
		start := max(0, i-Context)
		end := hunkEnd(edits, i)
		hunks = append(hunks, makeHunk(edits[start:end], a, b, old, new))
		i = end
	}
	return hunks
}

// hunkEnd returns the end of the hunk holding the change at i: changes closer
// than 2×Context kept lines apart share a hunk.
func hunkEnd(edits []edit, i int) int {
	last := i
	for j := i; j < len(edits) && j-last <= 2*Context+1; j++ {
		if edits[j].Kind != ' ' {
			last = j
		}
	}
	return min(len(edits), last+Context+1)
}

func makeHunk(es []edit, a, b []line, old, new *huiqi.Policy) Hunk {
	h := Hunk{OldStart: es[0].A + 1, NewStart: es[0].B + 1}
	for _, e := range es {
		switch e.Kind {
		case ' ':
			h.OldLines++
			h.NewLines++
			h.Lines = append(h.Lines, Line{' ', a[e.A].text})
		case '-':
			h.OldLines++
			h.Lines = append(h.Lines, Line{'-', a[e.A].text})
		case '+':
			h.NewLines++
			h.Lines = append(h.Lines, Line{'+', b[e.B].text})
		}
	}
	h.Clause = clauseAt(new.Clauses, offset(b, firstChange(es).B, len(new.Text)))
	// As in GNU diff, an empty side names the line before the hunk.
	if h.OldLines == 0 {
		h.OldStart--
	}
	if h.NewLines == 0 {
		h.NewStart--
	}
	return h
}

func firstChange(es []edit) edit {
	for _, e := range es {
		if e.Kind != ' ' {
			return e
		}
	}
	return es[0]
}

// offset returns where line i starts, end for the position after the last line.
func offset(ls []line, i, end int) int {
	if i < len(ls) {
		return ls[i].off
	}
	return end
}

// clauseAt names the innermost clause whose span holds off. Clauses are flat
// in document order, parents before children, so the last match is innermost.
func clauseAt(clauses []huiqi.Clause, off int) string {
	name := ""
	for _, c := range clauses {
		if c.Span.Start > off {
			break
		}
		if off < c.Span.End {
			name = strings.TrimSpace(c.Path + " " + c.Heading)
		}
	}
	return name
}
