package consult

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestAnswerInvalid(t *testing.T) {
	p := demoPolicies(t)["zj17.txt"]
	for name, q := range map[string]string{"empty": "", "blank": " \n\t", "long": strings.Repeat("补助", 251)} {
		if _, err := Answer(p, q, Options{}); huiqi.ErrorCode(err) != huiqi.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
	if _, err := Answer(nil, "补助多少", Options{}); huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Errorf("no policy: %v", err)
	}
	if _, err := Answer(p, strings.Repeat("补", 500), Options{}); err != nil {
		t.Errorf("500 characters: %v", err)
	}
}

// Every quote of every test question is the policy's text at its span,
// inside the clause it names, and carries the policy's identity.
func TestQuotesAreExactSpans(t *testing.T) {
	policies := demoPolicies(t)
	for _, tq := range loadQuestions(t) {
		p := policies[tq.Policy]
		r, err := Answer(p, tq.Question, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Quotes) > maxQuotes {
			t.Errorf("%s: %d quotes", tq.Question, len(r.Quotes))
		}
		for _, q := range r.Quotes {
			s := q.Source.Span
			if q.Text == "" || q.Text != p.Text[s.Start:s.End] || q.Source.Text != q.Text {
				t.Errorf("%s: quote %q is not the text at %v", tq.Question, q.Text, s)
			}
			if q.Source.PolicyID != p.ID || q.Source.Version != p.Version {
				t.Errorf("%s: provenance %+v", tq.Question, q.Source)
			}
			if i := clauseIndex(p, q.Source.ClausePath); q.Source.ClausePath != "" &&
				(i < 0 || s.Start < p.Clauses[i].Span.Start || s.End > p.Clauses[i].Span.End) {
				t.Errorf("%s: span %v outside clause %q", tq.Question, s, q.Source.ClausePath)
			}
		}
	}
}

func TestAnswerAmounts(t *testing.T) {
	p := demoPolicies(t)["zj18.txt"]
	r, err := Answer(p, "认定为国家级孵化器能拿多少钱？", Options{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Found || len(r.Quotes) != 1 || r.Quotes[0].Label != "一（二）" {
		t.Fatalf("quotes %+v", r.Quotes)
	}
	if !strings.HasPrefix(r.Text, "根据本政策一（二）：“（二）支持科技企业孵化器建设。") {
		t.Errorf("text %q", r.Text)
	}
	var national *Fact
	for i, f := range r.Facts {
		if f.Amount == "300万元" {
			national = &r.Facts[i]
		}
	}
	if national == nil || national.Kind != huiqi.KindReward || !strings.Contains(strings.Join(national.Conditions, "；"), "国家级孵化器") {
		t.Fatalf("facts %+v", r.Facts)
	}
	if national.Source.ClausePath != "一/(二)" || !strings.Contains(r.Text, "300万元；条件：") {
		t.Errorf("fact %+v in %q", national, r.Text)
	}
}

func TestAnswerValidity(t *testing.T) {
	p := demoPolicies(t)["zj474.txt"]
	r, err := Answer(p, "这个政策有效期几年？", Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := r.Validity
	if v == nil || v.ExpiresOn != (huiqi.Date{Year: 2020, Month: 12, Day: 31}) || v.Source == nil || v.Source.ClausePath != "八" {
		t.Fatalf("validity %+v", v)
	}
	if !strings.Contains(r.Text, "政策有效期：自2018年1月1日起施行，至2020年12月31日止") ||
		!strings.Contains(r.Quotes[0].Text, "有效期三年") {
		t.Errorf("text %q", r.Text)
	}
}

func TestNotFound(t *testing.T) {
	p := demoPolicies(t)["zj410.txt"]
	r, err := Answer(p, "人才公寓怎么申请？", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Found || len(r.Quotes)+len(r.Facts) > 0 || r.Validity != nil || !strings.Contains(r.Text, "转人工") {
		t.Errorf("%+v", r)
	}
	m := r.Message()
	if m.By != "huiqi" || m.Text != r.Text || len(m.Citations) != 0 {
		t.Errorf("message %+v", m)
	}
}

// A document without numbered clauses is answered from its sentences.
func TestNoClauses(t *testing.T) {
	p := demoPolicies(t)["001_654287db9a519d19.txt"]
	if len(p.Clauses) != 0 {
		t.Fatalf("%d clauses; the test wants a document without", len(p.Clauses))
	}
	r, err := Answer(p, "综合性科学中心建设的目标是什么？", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Found || r.Quotes[0].Source.ClausePath != "" || len([]rune(r.Quotes[0].Text)) > maxQuoteRunes {
		t.Errorf("%+v", r.Quotes)
	}
}

func TestClauseLabel(t *testing.T) {
	p := demoPolicies(t)
	cases := []struct{ file, path, want string }{
		{"zj483.txt", "二/(一)/2/(1)", "二（一）2（1）"},
		{"zj525.txt", "第五章/第十八条/(一)", "第五章第十八条（一）"},
		{"zj17.txt", "第二条", "第二条"},
		{"zj17.txt", "", ""},
	}
	for _, c := range cases {
		if got := ClauseLabel(p[c.file], c.path); got != c.want {
			t.Errorf("ClauseLabel(%s, %q) = %q, want %q", c.file, c.path, got, c.want)
		}
	}
}

// One Prepared answers many questions at once, as a server's would; each
// answer equals the one Answer gives alone.
func TestPreparedConcurrent(t *testing.T) {
	policies := demoPolicies(t)
	d := Prepare(policies["zj525.txt"])
	var qs []string
	for _, tq := range loadQuestions(t) {
		if tq.Policy == "zj525.txt" {
			qs = append(qs, tq.Question)
		}
	}
	want := map[string]string{}
	for _, q := range qs {
		r, err := Answer(d.Policy(), q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[q] = r.Text
	}
	errs := make(chan string, 4*len(qs))
	var wg sync.WaitGroup
	for range 4 {
		for _, q := range qs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := d.Answer(context.Background(), q, Options{})
				if err != nil || r.Text != want[q] {
					errs <- q
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for q := range errs {
		t.Errorf("%s: answered otherwise when concurrent", q)
	}
}
