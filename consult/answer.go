package consult

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// MaxQuestionRunes bounds a question.
const MaxQuestionRunes = 500

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
	rep.Facts = d.facts(rep.Quotes, q)
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

// enabled reports whether l can be called: a nil *LLM (NewLLM of an empty
// Config) in the interface means the LLM is off.
func enabled(l Phraser) bool {
	if c, ok := l.(*LLM); ok {
		return c != nil
	}
	return l != nil
}
