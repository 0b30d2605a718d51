package consult

import (
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// compose writes the extractive answer: each quote under its clause's
// number, then the facts, all in the policy's own words.
func compose(r *Reply) string {
	var b strings.Builder
	for i, q := range r.Quotes {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("根据本政策" + orOpening(q.Label) + "：“" + q.Text + "”")
	}
	if len(r.Facts) > 0 {
		b.WriteString("\n其中的资金事项：")
		for _, f := range r.Facts {
			b.WriteString("\n· " + f.Name + "：" + f.Amount)
			if len(f.Conditions) > 0 {
				b.WriteString("；条件：" + strings.Join(f.Conditions, "；"))
			}
		}
	}
	if v := r.Validity; v != nil {
		b.WriteString("\n政策有效期：" + validityWords(v))
	}
	b.WriteString("\n以上摘自政策原文，具体以主管部门的解释为准。")
	return b.String()
}

func orOpening(label string) string {
	if label == "" {
		return "开头部分"
	}
	return label
}

// validityWords says when the policy applies from its dates, else in its
// own words.
func validityWords(v *Validity) string {
	var parts []string
	switch {
	case !v.EffectiveOn.IsZero():
		parts = append(parts, "自"+dateWords(v.EffectiveOn)+"起施行")
	case v.Rule != "":
		parts = append(parts, v.Rule)
	}
	if !v.ExpiresOn.IsZero() {
		parts = append(parts, "至"+dateWords(v.ExpiresOn)+"止")
	}
	if len(parts) == 0 {
		return v.Text
	}
	return strings.Join(parts, "，")
}

func dateWords(d huiqi.Date) string {
	return strconv.Itoa(d.Year) + "年" + strconv.Itoa(d.Month) + "月" + strconv.Itoa(d.Day) + "日"
}

// ClauseLabel is how a reader cites the clause at path: the labels of it
// and its ancestors as printed, 第三条（二）1; "" for the opening.
func ClauseLabel(p *huiqi.Policy, path string) string {
	if path == "" {
		return ""
	}
	labels := make(map[string]string, len(p.Clauses))
	for _, c := range p.Clauses {
		labels[c.Path] = c.Label
	}
	segs := strings.Split(path, "/")
	var b strings.Builder
	for i := range segs {
		l := strings.TrimSpace(labels[strings.Join(segs[:i+1], "/")])
		l = strings.NewReplacer("(", "（", ")", "）").Replace(l)
		l = strings.TrimRight(l, "、.．， ")
		b.WriteString(l)
	}
	return b.String()
}
