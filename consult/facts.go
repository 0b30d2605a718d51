package consult

import (
	"sort"
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
// amount and proposed conditions (package propose), the most relevant
// first: those of the first quote before the next's, then those whose
// beneficiary and words share more with the question, then in the
// document's order.
func (d *Prepared) facts(quotes []Quote, q query) []Fact {
	p := d.p
	if len(p.Measures) == 0 {
		return nil
	}
	d.proposeOnce.Do(func() { d.proposals = propose.Propose(p) })
	type ranked struct {
		f            Fact
		quote, share int
	}
	var all []ranked
	// Propose gives one proposal per measure, in the measures' order.
	for i, pr := range d.proposals {
		if at := quoteOf(quotes, pr.Cite.Span); at >= 0 {
			m := &p.Measures[i]
			all = append(all, ranked{factOf(p, m, pr), at, q.shared(m.Beneficiary + "\n" + m.Text)})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].quote != all[j].quote {
			return all[i].quote < all[j].quote
		}
		return all[i].share > all[j].share
	})
	var out []Fact
	for _, r := range all[:min(len(all), maxFacts)] {
		out = append(out, r.f)
	}
	return out
}

// quoteOf is the index of the first quote overlapping s, -1 for none.
func quoteOf(quotes []Quote, s huiqi.Span) int {
	for i, q := range quotes {
		if s.Start < q.Source.Span.End && q.Source.Span.Start < s.End {
			return i
		}
	}
	return -1
}

// shared counts the question's terms (its words, their synonyms and
// their bigrams) that text contains.
func (q query) shared(text string) int {
	n := 0
	for _, t := range q.terms {
		if strings.Contains(text, t) {
			n++
		}
	}
	return n
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
