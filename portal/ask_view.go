package portal

import (
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/consult"
)

// answerView is an instant answer as the page shows it: each quote linked
// to its clause on the policy page, the facts of the quoted clauses, the
// validity, and the phrased text when a model phrased it.
type answerView struct {
	Found  bool
	Text   string // the reply's text when nothing was found
	Quotes []quoteView
	Facts  []factView
	// Validity says when the policy applies, when the question asked.
	Validity string
	// Phrased is the model's text with its citations linked to the
	// quotes; Model names the model. Note says why a model's text was not
	// used.
	Phrased     template.HTML
	Model, Note string
}

// quoteView is one quoted clause.
type quoteView struct {
	N     int
	Label string
	Text  string
	URL   string // the clause on the policy page; "" when it has no anchor
}

// factView is one measure of a quoted clause.
type factView struct {
	Name, Amount string
	Conditions   []string
	URL          string
}

func newAnswerView(p *huiqi.Policy, rep *consult.Reply) *answerView {
	_, anchors := documentBlocks(p)
	av := &answerView{Found: rep.Found, Text: rep.Text, Model: rep.Model, Note: rep.Note}
	if !rep.Found {
		return av
	}
	for i, q := range rep.Quotes {
		label := q.Label
		if label == "" {
			label = "政策开头部分"
		}
		av.Quotes = append(av.Quotes, quoteView{N: i + 1, Label: label, Text: q.Text, URL: answerClauseURL(p.ID, q.Source.ClausePath, anchors)})
	}
	for _, f := range rep.Facts {
		av.Facts = append(av.Facts, factView{Name: f.Name, Amount: f.Amount, Conditions: f.Conditions,
			URL: answerClauseURL(p.ID, f.Source.ClausePath, anchors)})
	}
	if rep.Validity != nil {
		av.Validity = validityText(rep.Validity)
	}
	if rep.Model != "" {
		av.Phrased = citeLinks(rep.Text, "q-", len(rep.Quotes))
	}
	return av
}

// answerClauseURL links a clause of the policy's latest version, "" when the
// page has no anchor for it.
func answerClauseURL(policyID, path string, anchors map[string]bool) string {
	if a := anchorIf(path, anchors); a != "" {
		return "/policies/" + policyID + "#" + a
	}
	return ""
}

// validityText says when a policy applies, in words.
func validityText(v *consult.Validity) string {
	var parts []string
	switch {
	case !v.EffectiveOn.IsZero():
		parts = append(parts, dateLabel(v.EffectiveOn)+"起施行")
	case v.Rule != "":
		parts = append(parts, v.Rule)
	}
	if !v.ExpiresOn.IsZero() {
		parts = append(parts, "至"+dateLabel(v.ExpiresOn)+"止")
	}
	if len(parts) == 0 {
		return excerpt(80, v.Text)
	}
	return strings.Join(parts, "，")
}

// citation matches a citation [n] of phrased text, in ASCII or full-width
// brackets and digits, as the consult package accepts them.
var citation = regexp.MustCompile(`[\[［【]\s*([0-9０-９]+)\s*[\]］】]`)

// citeLinks escapes text and links each citation [n] (1 ≤ n ≤ count) to
// the element prefix+n; lines become <br>.
func citeLinks(text, prefix string, count int) template.HTML {
	var b strings.Builder
	pos := 0
	for _, m := range citation.FindAllStringSubmatchIndex(text, -1) {
		n, err := strconv.Atoi(halfWidth(text[m[2]:m[3]]))
		if err != nil || n < 1 || n > count {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[pos:m[0]]))
		b.WriteString(`<a class="cite" href="#` + prefix + strconv.Itoa(n) + `">[` + strconv.Itoa(n) + `]</a>`)
		pos = m[1]
	}
	b.WriteString(template.HTMLEscapeString(text[pos:]))
	return template.HTML(strings.ReplaceAll(b.String(), "\n", "<br>"))
}

func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}
