package consult

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// MaxQuestionRunes bounds a question.
const MaxQuestionRunes = 500

// Relevance: a clause answers when it holds at least minCoverage of the
// question's words (by weight), or lowCoverage of them and what the
// question asks about; and it scores at least minShare of the best.
const (
	minCoverage = 0.5
	lowCoverage = 0.34
	minShare    = 0.4
	// strongIntent is the boost a clause needs to answer on intent alone.
	strongIntent = 2.0 / 3
	maxQuotes    = 3
)

// Answer answers question from p alone (see Prepared.Answer). It cuts
// p's text each time; Prepare once to answer many questions.
func Answer(p *huiqi.Policy, question string, opt Options) (*Reply, error) {
	return Prepare(p).Answer(context.Background(), question, opt)
}

// Answer answers question from the policy: the clauses that answer it,
// quoted, with their measures and, when it asks when, the policy's
// validity. ctx bounds the optional LLM call. A question that is empty or
// longer than MaxQuestionRunes is EINVALID.
func (d *Prepared) Answer(ctx context.Context, question string, opt Options) (*Reply, error) {
	question = strings.TrimSpace(question)
	switch {
	case d == nil || d.p == nil:
		return nil, huiqi.Errorf(huiqi.EINVALID, "consult: no policy to answer from")
	case question == "":
		return nil, huiqi.Errorf(huiqi.EINVALID, "consult: question is empty")
	case utf8.RuneCountInString(question) > MaxQuestionRunes:
		return nil, huiqi.Errorf(huiqi.EINVALID, "consult: question has %d characters, more than %d",
			utf8.RuneCountInString(question), MaxQuestionRunes)
	}
	limit := opt.Limit
	if limit <= 0 || limit > maxQuotes {
		limit = maxQuotes
	}
	p, q := d.p, parseQuery(question)
	r := newRanker(d, q)
	rep := &Reply{Quotes: r.quotes(r.relevant(limit))}
	if q.validity {
		rep.Validity = validityOf(p)
	}
	rep.Found = len(rep.Quotes) > 0
	if !rep.Found {
		rep.Validity = nil
		rep.Text = notFoundText + issuersWords(p, q)
		return rep, nil
	}
	rep.Facts = d.facts(rep.Quotes)
	rep.Text = compose(rep)
	if enabled(opt.LLM) {
		phrase(ctx, opt.LLM, rep, q)
	}
	return rep, nil
}

// notFoundText is the answer when no clause answers: no guess, and the
// way to a person.
const notFoundText = "本政策原文中没有找到能回答这个问题的条款，为避免误导，这里不作推测。您可以转人工咨询，由工作人员答复。"

// issuersWords names who issued p when the question asks which
// department and no clause says: a fact of the document, not an answer.
func issuersWords(p *huiqi.Policy, q query) string {
	for _, in := range q.intents {
		if in.name == "department" && len(p.Issuers) > 0 {
			return "本政策的发文单位为：" + strings.Join(p.Issuers, "、") + "。"
		}
	}
	return ""
}

// relevant picks up to limit units that answer the question, best first,
// none inside another.
func (r *ranker) relevant(limit int) []scored {
	ranked := r.rank()
	if v := r.validityUnit(); v >= 0 {
		ranked = append([]scored{{unit: v, score: ranked[0].score + 1, coverage: 1}}, ranked...)
	}
	var out []scored
	for _, s := range ranked {
		if len(out) == limit || len(out) > 0 && s.score < minShare*out[0].score {
			break
		}
		if s.score <= 0 || !r.answers(s) || r.overlaps(out, s.unit) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// answers is the relevance rule. A question that only says what it asks
// (找哪个部门？申报需要什么条件？) is answered by a clause that shows it
// strongly.
func (r *ranker) answers(s scored) bool {
	if r.q.onlyAsks() {
		return r.intentBoost(s.unit) >= strongIntent
	}
	if s.coverage >= minCoverage {
		return true
	}
	return s.coverage >= lowCoverage && r.intentBoost(s.unit) > 0
}

// overlaps reports whether unit i contains or lies in a chosen one.
func (r *ranker) overlaps(chosen []scored, i int) bool {
	a := r.us[i].span
	for _, c := range chosen {
		b := r.us[c.unit].span
		if a.Start < b.End && b.Start < a.End {
			return true
		}
	}
	return false
}

// quotes cuts each chosen unit to its passage.
func (r *ranker) quotes(ss []scored) []Quote {
	out := make([]Quote, 0, len(ss))
	for _, s := range ss {
		u := r.us[s.unit]
		span := passage(r.p.Text, u.span, r)
		path := u.path
		// A passage cut from a parent within one child is cited as that child.
		if c := innermost(r.p, span); c >= 0 && u.clause >= 0 {
			path = r.p.Clauses[c].Path
		}
		out = append(out, Quote{
			Source: huiqi.Provenance{PolicyID: r.p.ID, Version: r.p.Version, ClausePath: path,
				Span: span, Text: r.p.Text[span.Start:span.End]},
			Label: clauseLabel(r.p, path),
			Text:  r.p.Text[span.Start:span.End],
			Score: s.score,
		})
	}
	return out
}

// enabled reports whether l can be called: a nil *LLM (NewLLM of an empty
// Config) in the interface means the LLM is off.
func enabled(l Phraser) bool {
	if c, ok := l.(*LLM); ok {
		return c != nil
	}
	return l != nil
}
