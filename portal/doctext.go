package portal

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// block is a piece of the document as shown: a clause's own text with its
// anchor, or text outside any clause (preamble, signature).
type block struct {
	Anchor string // "" outside clauses
	Label  string
	Depth  int
	Paras  []string
}

// documentBlocks cuts the policy text into blocks in document order: each
// clause's own text (up to its first child) becomes a block with an anchor,
// text between clauses a plain block. It returns the paths it anchored.
func documentBlocks(p *huiqi.Policy) ([]block, map[string]bool) {
	text := p.Text
	var out []block
	anchors := map[string]bool{}
	pos := 0
	for _, c := range p.Clauses {
		hs := c.HeadSpan
		if hs.Start < pos || hs.End > len(text) || hs.Start > hs.End || !runeStart(text, hs.Start) || !runeStart(text, hs.End) {
			continue // a span that does not fit the text: show it as plain text
		}
		if hs.Start > pos {
			out = appendPlain(out, text[pos:hs.Start])
		}
		out = append(out, block{Anchor: anchor(c.Path), Label: c.Label, Depth: c.Depth, Paras: paragraphs(text[hs.Start:hs.End])})
		anchors[c.Path] = true
		pos = hs.End
	}
	if pos < len(text) {
		out = appendPlain(out, text[pos:])
	}
	return out, anchors
}

func appendPlain(out []block, s string) []block {
	if ps := paragraphs(s); len(ps) > 0 {
		out = append(out, block{Paras: ps})
	}
	return out
}

// paragraphs splits text into its non-empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
