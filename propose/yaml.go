package propose

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// defaultFrom starts the rule of a policy that states no date.
var defaultFrom = huiqi.Date{Year: 2000, Month: 1, Day: 1}

// YAML renders the proposal as a rule file of the rule language: what a
// curator starts from, and what Set parses.
func (pr *Proposal) YAML() []byte {
	var b bytes.Buffer
	w := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	w(0, "# 自动提议的规则：由条款文字生成，未经人工核对。核对后以同一 id 存为规则文件即取代本提议。")
	w(0, "id: %s", pr.ID)
	w(0, "name: %s", q(pr.Name))
	w(0, "kind: measure")
	w(0, "region: %s", q(pr.Region))
	w(0, "source:")
	w(1, "title: %s", q(pr.Title))
	if pr.DocNumber != "" {
		w(1, "number: %s", q(pr.DocNumber))
	}
	w(1, "clause: %s", q(pr.Cite.ClausePath))
	w(1, "note: %s", q(fmt.Sprintf("proposed: policy %s v%d, bytes %d-%d", pr.Cite.PolicyID, pr.Cite.Version, pr.Cite.Span.Start, pr.Cite.Span.End)))
	w(0, "versions:")
	w(1, "- version: %s", q("v"+strconv.Itoa(pr.Cite.Version)))
	from := pr.From
	if from.IsZero() {
		from = defaultFrom
	}
	w(2, "effective_from: %s", from)
	if !pr.To.IsZero() && !before(pr.To, from) {
		w(2, "effective_to: %s", pr.To)
	}
	w(2, "when:")
	writeCond(&b, 3, Cond{Kind: CondAll, Label: pr.Name, Children: pr.Conds}, pr.Cite.ClausePath)
	writeAmount(&b, 2, pr.Amount)
	return b.Bytes()
}

// Set parses the proposal's YAML with package rules.
func (pr *Proposal) Set() (*rules.Set, error) {
	return rules.Parse(pr.ID+".yaml", pr.YAML())
}

func writeCond(b *bytes.Buffer, indent int, c Cond, clause string) {
	pad := strings.Repeat("  ", indent)
	line := func(first bool, format string, args ...any) {
		if first {
			b.WriteString(pad[:len(pad)-2] + "- ")
		} else {
			b.WriteString(pad)
		}
		fmt.Fprintf(b, format, args...)
		b.WriteByte('\n')
	}
	if indent == 3 { // the root: a mapping, not a list item
		line = func(_ bool, format string, args ...any) {
			b.WriteString(pad)
			fmt.Fprintf(b, format, args...)
			b.WriteByte('\n')
		}
	}
	first := true
	item := func(format string, args ...any) { line(first, format, args...); first = false }
	if c.ID != "" {
		item("id: %s", c.ID)
	}
	item("label: %s", q(c.Label))
	if c.Text != "" {
		item("clause: %s", q(clause))
		item("note: %s", q(fmt.Sprintf("proposed from 「%s」 bytes %d-%d", c.Text, c.Span.Start, c.Span.End)))
	}
	switch c.Kind {
	case CondAll, CondAny:
		item("%s:", c.Kind)
		for _, ch := range c.Children {
			writeCond(b, indent+2, ch, clause)
		}
	case CondNewCert:
		item("all:")
		cs := []string{}
		if !c.Since.IsZero() {
			cs = append(cs, fmt.Sprintf("certified_since(%s) >= %s", certArgs(c), c.Since))
		}
		cs = append(cs, fmt.Sprintf("certified_since(%s) >= as_of - 1年", certArgs(c)))
		for _, s := range cs {
			b.WriteString(pad + "  - check: " + s + "\n")
		}
	default:
		item("%s", leaf(c))
	}
}

func leaf(c Cond) string {
	switch c.Kind {
	case CondRegion:
		return "in_region: true"
	case CondCert:
		return "check: certified(" + certArgs(c) + ")"
	case CondNumber:
		if c.Field == "employees" {
			return fmt.Sprintf("check: employees %s %d人", c.Op, c.Value)
		}
		return fmt.Sprintf("check: last(%s) %s %d元", c.Field, c.Op, c.Value)
	case CondAge:
		return fmt.Sprintf("check: registered_on %s as_of - %s", c.Op, monthsWords(c.Value))
	case CondIndustry:
		qs := make([]string, len(c.Prefixes))
		for i, p := range c.Prefixes {
			qs[i] = q(p)
		}
		return "check: industry_in(" + strings.Join(qs, ", ") + ")"
	case CondStated: // quoted: the label may hold what plain YAML cannot
		return "check: " + q(`stated("`+c.ID+`", "`+c.Label+`")`)
	}
	return "declare: " + q(c.Label)
}

func certArgs(c Cond) string {
	if c.Level == "" {
		return q(c.Cert)
	}
	return q(c.Cert) + ", " + q(c.Level)
}

func writeAmount(b *bytes.Buffer, indent int, a Amount) {
	pad := strings.Repeat("  ", indent)
	var lines []string
	switch a.Kind {
	case AmountFixed:
		lines = append(lines, fmt.Sprintf("fixed: %d元", a.Min))
	case AmountRange:
		lines = append(lines, fmt.Sprintf("range: [%d元, %d元]", a.Min, a.Max))
	case AmountRate:
		lines = append(lines, "rate: "+a.Rate, "of: last("+a.Base+")")
		if a.Cap > 0 {
			lines = append(lines, fmt.Sprintf("cap: %d元", a.Cap))
		}
	default:
		return
	}
	if a.Exclusive != "" {
		lines = append(lines, "exclusive: "+q(a.Exclusive))
	}
	if a.CapGroup != "" {
		lines = append(lines, fmt.Sprintf("yearly_cap: {group: %s, amount: %d元}", q(a.CapGroup), a.CapYuan))
	}
	b.WriteString(pad + "amount:\n")
	for _, l := range lines {
		b.WriteString(pad + "  " + l + "\n")
	}
}

// q quotes a string for YAML: a JSON string is a YAML double-quoted scalar.
func q(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func before(a, b huiqi.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
