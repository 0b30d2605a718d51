package consult

import "github.com/huiqi-dev/huiqi"

// Options tune an answer. The zero value answers extractively with up to
// three quotes.
type Options struct {
	// Limit caps the quotes, 1 to 3; 0 means 3.
	Limit int
	// LLM, when set, phrases the answer from the quotes (see LLM.Phrase).
	LLM Phraser
}

// Reply is the instant answer to a question on one policy.
type Reply struct {
	// Found is false when no clause of the policy answers the question;
	// Text then says so and offers staff (转人工).
	Found bool `json:"found"`
	// Text is the answer in Chinese, composed only from the quotes and
	// the facts, or phrased by the LLM from the quotes alone (Model set),
	// where [n] cites Quotes[n-1].
	Text   string  `json:"text"`
	Quotes []Quote `json:"quotes,omitempty"`
	Facts  []Fact  `json:"facts,omitempty"`
	// Validity is the policy's validity when the question asks when.
	Validity *Validity `json:"validity,omitempty"`
	// Model names the LLM that phrased Text; empty for the extractive text.
	Model string `json:"model,omitempty"`
	// Note says why an LLM's answer was not used, when one was asked for.
	Note string `json:"note,omitempty"`
}

// Quote is one clause that answers the question: where it is and its
// words (Text equals Policy.Text[Source.Span]).
type Quote struct {
	Source huiqi.Provenance `json:"source"`
	// Label is the clause's number as a reader would cite it: 第三条（二）.
	Label string `json:"label"`
	Text  string `json:"text"`
	// Score is the retrieval score; higher is more relevant.
	Score float64 `json:"score"`
}

// Fact is one measure of a quoted clause.
type Fact struct {
	Name string            `json:"name"`
	Kind huiqi.MeasureKind `json:"kind"`
	// Amount is the award in words: the amount as written and how it is
	// reckoned (定额, 最高…, a rate of a base).
	Amount string `json:"amount"`
	// Conditions are the proposed conditions, in words.
	Conditions []string         `json:"conditions,omitempty"`
	Source     huiqi.Provenance `json:"source"`
}

// Validity is when the policy applies, as extracted.
type Validity struct {
	EffectiveOn huiqi.Date `json:"effective_on"`
	ExpiresOn   huiqi.Date `json:"expires_on"`
	// Rule is the wording of a relative start (自发布之日起施行).
	Rule   string            `json:"rule,omitempty"`
	Text   string            `json:"text,omitempty"`
	Source *huiqi.Provenance `json:"source,omitempty"`
}

// Citations are the provenance of the quotes, in order.
func (r *Reply) Citations() []huiqi.Provenance {
	out := make([]huiqi.Provenance, len(r.Quotes))
	for i, q := range r.Quotes {
		out[i] = q.Source
	}
	return out
}

// Message is the reply as the instant answer of a consultation thread
// (By "huiqi"); the caller sets its time.
func (r *Reply) Message() huiqi.ThreadMessage {
	return huiqi.ThreadMessage{By: "huiqi", ByName: "政策智能解答", Text: r.Text, Citations: r.Citations()}
}
