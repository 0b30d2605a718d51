package consult

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// FuzzAnswer asks anything of one demo policy: a valid question is
// answered without error, found or not, and every quote is the text at
// its span.
func FuzzAnswer(f *testing.F) {
	for _, tq := range loadQuestionsFile(f) {
		f.Add(tq.Question)
	}
	f.Add("？？？")
	f.Add("a")
	f.Add("補助多少錢")
	ps, err := demoCorpus()
	if err != nil {
		f.Fatal(err)
	}
	d := Prepare(ps["zj483.txt"])
	p := d.Policy()
	f.Fuzz(func(t *testing.T, q string) {
		r, err := d.Answer(context.Background(), q, Options{})
		if !utf8.ValidString(q) {
			return
		}
		if err != nil {
			if huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Fatalf("%q: %v", q, err)
			}
			return
		}
		if r.Found != (len(r.Quotes) > 0) || r.Text == "" {
			t.Fatalf("%q: %+v", q, r)
		}
		for _, qu := range r.Quotes {
			if s := qu.Source.Span; qu.Text != p.Text[s.Start:s.End] {
				t.Fatalf("%q: quote %q is not the text at %v", q, qu.Text, s)
			}
		}
	})
}
