package portal

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// lineView is one matched measure as the results show it.
type lineView struct {
	R      huiqi.MatchResult
	Status string // in words
	Amount string // in words, "" when the measure gives none
	URL    string // the cited clause on the policy page
	Clause string // the cited clause's path in words
	// PolicyQ is the policy's title in 《》.
	PolicyQ string
	Conds   []condView
	Ask     []askView
	Part    string // why only part of the amount counts in the total
	// Full shows every reason and the table of conditions (the policy's
	// answer page); else the line links to it (AnswerURL).
	Full      bool
	AnswerURL string
	// Declares: some condition is the applicant's to answer (a declaration
	// to confirm, a fact to state).
	Declares bool
	// Grow: the measure opens only once a qualification not yet held is
	// won (培育后可申报), so there is nothing to apply for yet.
	Grow bool
}

// condView is one condition explained: its status, the value found, what
// is required and, for a rule's condition, the gap.
type condView struct {
	Label, Status, StatusLabel, Value, Threshold, Gap, URL, Clause string
	Depth                                                          int
}

// askView is a question the answer waits for, linked to its form field.
type askView struct{ Label, URL string }

var matchLabels = map[huiqi.MatchStatus]string{
	huiqi.MatchEligible: "现在可以申报", huiqi.MatchLikely: "基本符合，待确认",
	huiqi.MatchUnknown: "信息不足", huiqi.MatchNotEligible: "暂不符合",
}

var condLabels = map[huiqi.Status]string{huiqi.Met: "✓ 满足", huiqi.Unmet: "✗ 不满足", huiqi.Unknown: "? 待补充"}

// quoteTitle puts a title in 《》, the book marks it holds turned into
// 〈〉 as Chinese nests them: 《〈…若干政策意见〉有关内容的操作办法》.
func quoteTitle(t string) string {
	if t == "" {
		return ""
	}
	return "《" + strings.NewReplacer("《", "〈", "》", "〉").Replace(t) + "》"
}

// clauseWords writes a clause path for people: 四/(二)/6 → 四（二）6.
func clauseWords(path string) string {
	return strings.NewReplacer("/", "", "(", "（", ")", "）").Replace(path)
}

// clauseURL is where a provenance points on its policy's page.
func clauseURL(p huiqi.Provenance) string {
	if p.PolicyID == "" {
		return ""
	}
	u := "/policies/" + p.PolicyID
	if p.ClausePath != "" {
		u += "#" + anchor(p.ClausePath)
	}
	return u
}

// amountWords says a result's amount: a figure, a range, or what it needs.
func amountWords(a *huiqi.Amount) string {
	switch {
	case a == nil:
		return ""
	case len(a.Missing) > 0:
		return "金额待定（需补充" + missingLabels(a.Missing) + "）"
	case a.Min == a.Max:
		return wan(a.Max)
	}
	return rangeWords(a.Min, a.Max)
}

// rangeWords writes min–max yuan, "0" as 0元.
func rangeWords(lo, hi int64) string {
	w := func(n int64) string {
		if n <= 0 {
			return "0元"
		}
		return wan(n)
	}
	if lo == hi {
		return w(hi)
	}
	return w(lo) + " – " + w(hi)
}

func missingLabels(fs []huiqi.Field) string {
	var ls []string
	for _, f := range fs {
		ls = append(ls, orSame(f.Label, f.Path))
	}
	return strings.Join(ls, "、")
}

// askViews link missing fields to the form.
func askViews(fs []huiqi.Field) []askView {
	var out []askView
	for _, f := range fs {
		out = append(out, askView{Label: orSame(f.Label, f.Path), URL: "/enterprise#" + fieldID(askField(f.Path))})
	}
	return out
}

// askField is the form field that answers a missing path: certifications
// for any title, the path itself otherwise.
func askField(path string) string {
	if strings.HasPrefix(path, "certifications") {
		return "certifications"
	}
	return path
}

// lineOf explains one result.
func lineOf(r huiqi.MatchResult, parts map[string]string) lineView {
	l := lineView{R: r, Status: matchLabels[r.Status], Amount: amountWords(r.Amount), URL: clauseURL(r.Cited),
		Clause: clauseWords(r.Cited.ClausePath), PolicyQ: quoteTitle(r.Policy), Ask: askViews(r.Ask), Part: parts[r.MeasureID],
		AnswerURL: "/policies/" + r.Cited.PolicyID + "/enterprise#m-" + r.MeasureID}
	for i, f := range r.Ask { // a fact of the measure's text is answered on its policy's page
		if id, ok := strings.CutPrefix(f.Path, "declarations."); ok && !r.Curated {
			l.Ask[i].URL = "/policies/" + r.Cited.PolicyID + "/enterprise#d-" + id
		}
	}
	if r.NotFunding && l.Amount != "" {
		l.Amount += "（非资金类，不计入合计）"
	}
	for _, c := range r.Conditions {
		cv := condView{Label: c.Label, Status: string(c.Status), StatusLabel: condLabels[c.Status], Value: c.Value, Threshold: c.Threshold}
		if c.Declare && c.Status == huiqi.Met {
			cv.Status, cv.StatusLabel = string(huiqi.Unknown), "待确认"
			l.Declares = l.Declares || c.ID != ""
		}
		if c.Stated {
			l.Declares = l.Declares || c.ID != ""
		}
		if c.Source != nil {
			cv.URL = clauseURL(*c.Source)
		}
		if c.Status == huiqi.Unknown && len(c.Missing) > 0 {
			cv.Gap = "需补充：" + missingLabels(c.Missing)
		}
		l.Conds = append(l.Conds, cv)
	}
	return l
}
