package consult

import (
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
)

// maxFacts bounds the facts of a reply; maxLabelRunes a condition's words.
const (
	maxFacts      = 8
	maxLabelRunes = 60
)

// facts are the measures written in the quoted words, each with its
// amount and proposed conditions (package propose).
func (d *Prepared) facts(quotes []Quote) []Fact {
	p := d.p
	if len(p.Measures) == 0 {
		return nil
	}
	d.proposeOnce.Do(func() { d.proposals = propose.Propose(p) })
	var out []Fact
	// Propose gives one proposal per measure, in the measures' order.
	for i, pr := range d.proposals {
		if len(out) == maxFacts {
			break
		}
		if quoted(quotes, pr.Cite.Span) {
			out = append(out, factOf(p, &p.Measures[i], pr))
		}
	}
	return out
}

func quoted(quotes []Quote, s huiqi.Span) bool {
	for _, q := range quotes {
		if s.Start < q.Source.Span.End && q.Source.Span.Start < s.End {
			return true
		}
	}
	return false
}

func factOf(p *huiqi.Policy, m *huiqi.Measure, pr *propose.Proposal) Fact {
	f := Fact{Name: pr.Name, Kind: pr.Kind, Amount: amountWords(p, m, pr), Source: pr.Cite}
	for _, c := range pr.Conds {
		label := c.Label
		if label == "" {
			label = c.Text
		}
		f.Conditions = append(f.Conditions, cut(label, maxLabelRunes))
	}
	return f
}

// amountWords is the amount as written, with how it is reckoned when that
// says more (最高…, a rate of a base).
func amountWords(p *huiqi.Policy, m *huiqi.Measure, pr *propose.Proposal) string {
	written := ""
	if validSpan(p, m.AmountSpan) {
		written = strings.TrimSpace(p.Text[m.AmountSpan.Start:m.AmountSpan.End])
	}
	basis := pr.Amount.Basis
	switch {
	case written == "":
		return basis
	case basis == "" || basis == "定额" || basis == "区间":
		return written
	}
	return written + "（" + basis + "）"
}

// cut shortens s to n runes with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
