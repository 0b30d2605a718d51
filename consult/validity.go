package consult

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// validityAsks are the words of a question about the policy's own
// validity (not an application deadline).
var validityAsks = []string{"有效期", "有效", "施行", "生效", "到期", "执行期", "过期", "失效", "废止", "实施时间", "什么时候开始", "到什么时候", "执行到"}

func asksValidity(question string) bool {
	return containsAny(zhtext.Normalize(question), validityAsks)
}

// validityOf is p's validity, nil when extraction found none.
func validityOf(p *huiqi.Policy) *Validity {
	v := &Validity{EffectiveOn: p.EffectiveOn, ExpiresOn: p.ExpiresOn, Rule: p.EffectiveRule, Text: p.ValidityText}
	if v.EffectiveOn.IsZero() && v.ExpiresOn.IsZero() && v.Rule == "" && v.Text == "" {
		return nil
	}
	if span, ok := validitySpan(p); ok {
		v.Source = &huiqi.Provenance{PolicyID: p.ID, Version: p.Version, Span: span, Text: p.Text[span.Start:span.End]}
		if c := innermost(p, span); c >= 0 {
			v.Source.ClausePath = p.Clauses[c].Path
		}
	}
	return v
}

// validitySpan is where the validity is written in p.Text.
func validitySpan(p *huiqi.Policy) (huiqi.Span, bool) {
	for _, s := range []string{p.ValidityText, p.EffectiveRule} {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if i := strings.Index(p.Text, s); i >= 0 {
			return huiqi.Span{Start: i, End: i + len(s)}, true
		}
	}
	return huiqi.Span{}, false
}

// innermost is the index of the smallest clause holding span, -1 if none.
func innermost(p *huiqi.Policy, span huiqi.Span) int {
	best := -1
	for i, c := range p.Clauses {
		if c.Span.Start <= span.Start && span.End <= c.Span.End &&
			(best < 0 || c.Span.End-c.Span.Start < p.Clauses[best].Span.End-p.Clauses[best].Span.Start) {
			best = i
		}
	}
	return best
}

// validityUnit is the unit that states the policy's validity, when the
// question asks about it; -1 otherwise.
func (r *ranker) validityUnit() int {
	if !r.q.validity {
		return -1
	}
	span, ok := validitySpan(r.p)
	if !ok {
		return -1
	}
	best := -1
	for i, u := range r.us {
		if u.span.Start <= span.Start && span.End <= u.span.End &&
			(best < 0 || u.span.End-u.span.Start < r.us[best].span.End-r.us[best].span.Start) {
			best = i
		}
	}
	return best
}
