package consult

import (
	"strings"
	"testing"
)

// TestFactsOrder: the money items come by relevance, not in the
// document's order: those of the first quote first, then those that
// share more of the question's words. Asked what a national incubator
// gets, the incubator's 300万元 comes first, though two measures of
// research institutes and international bases stand before it in the
// policy.
func TestFactsOrder(t *testing.T) {
	p := demoPolicies(t)["zj18.txt"]
	cases := []struct {
		question, name, amount string
	}{
		{"认定为国家级孵化器能拿多少钱？", "孵化器", "300万元"},
		{"新认定的众创空间奖励多少？", "众创空间", "100万元"},
	}
	for _, c := range cases {
		r, err := Answer(p, c.question, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Facts) == 0 {
			t.Fatalf("%s: no money item", c.question)
		}
		if f := r.Facts[0]; !strings.Contains(f.Name, c.name) || !strings.HasPrefix(f.Amount, c.amount) {
			t.Errorf("%s: the first money item is %s %s, want %s %s", c.question, f.Name, f.Amount, c.name, c.amount)
		}
		last := 0
		for _, f := range r.Facts {
			at := quoteOf(r.Quotes, f.Source.Span)
			if at < last {
				t.Errorf("%s: %s of quote %d comes after an item of quote %d", c.question, f.Name, at+1, last+1)
			}
			last = max(last, at)
		}
	}
}
