package consult

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/searchtest"
)

// Measured on testdata/questions.json: 86 answerable questions, 15 not
// answered by their policy. Now: recall@1 0.965 (83/86), recall@3 1.000
// (86/86), every unanswerable one found=false. Three held-out rounds,
// each measured once when written, before the changes they led to: round
// 1 (17 answerable, 3 not) recall@1 and @3 16/17, 3/3 not found (missed
// 拟上市企业是怎么界定的: the definition intent came after); round 2 (13
// answerable, 2 not) recall@1 12/13, @3 13/13, 1/2 not found (冷链物流设备
// answered: joining single characters came after); round 3, on the
// longest document (8 answerable, 1 not) 8/8 at 1 and 3, 1/1 not found.
// The thresholds sit just below the figures now.
const (
	minRecall1 = 0.92
	minRecall3 = 0.97
	// minNotFound is the share of unanswerable questions that must get
	// found=false.
	minNotFound = 1.0
)

type testQuestion struct {
	Policy   string   `json:"policy"`
	Question string   `json:"question"`
	Answers  []string `json:"answers"`
	// Heldout numbers the round of questions written after the ranking
	// was tuned (0: the questions it was tuned on).
	Heldout int `json:"heldout"`
}

func loadQuestions(t *testing.T) []testQuestion { return loadQuestionsFile(t) }

func loadQuestionsFile(t testing.TB) []testQuestion {
	t.Helper()
	data, err := os.ReadFile("testdata/questions.json")
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Questions []testQuestion `json:"questions"`
	}
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	return set.Questions
}

// demoPolicies maps the demo corpus's file names to their policies.
func demoPolicies(t *testing.T) map[string]*huiqi.Policy {
	t.Helper()
	out, err := demoCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func demoCorpus() (map[string]*huiqi.Policy, error) {
	ps, err := searchtest.Corpus()
	out := map[string]*huiqi.Policy{}
	for _, p := range ps {
		out[p.Source.FileName] = p
	}
	return out, err
}

func TestQuality(t *testing.T) {
	policies := demoPolicies(t)
	var answerable, at1, at3, unanswerable, notFound int
	var held [4][3]int // per round: answerable, hits at 1, at 3
	for _, tq := range loadQuestions(t) {
		p := policies[tq.Policy]
		if p == nil {
			t.Fatalf("%s: no such demo document", tq.Policy)
		}
		checkPaths(t, p, tq)
		r, err := Answer(p, tq.Question, Options{})
		if err != nil {
			t.Fatalf("%s %s: %v", tq.Policy, tq.Question, err)
		}
		rank := hitRank(p, r.Quotes, tq.Answers)
		switch {
		case len(tq.Answers) == 0:
			unanswerable++
			if !r.Found {
				notFound++
			}
		case rank == 1:
			at1++
			fallthrough
		case rank > 0:
			at3++
		}
		if len(tq.Answers) > 0 {
			answerable++
		}
		if h := tq.Heldout; h > 0 && h < len(held) && len(tq.Answers) > 0 {
			held[h][0]++
			held[h][1] += b2i(rank == 1)
			held[h][2] += b2i(rank > 0)
		}
		t.Logf("%-9s %-28s want %-30v got %-40v rank %d found %v", tq.Policy, tq.Question,
			tq.Answers, quotedPaths(r), rank, r.Found)
	}
	r1, r3 := float64(at1)/float64(answerable), float64(at3)/float64(answerable)
	nf := float64(notFound) / float64(unanswerable)
	t.Logf("recall@1 %.3f (%d/%d), recall@3 %.3f (%d/%d), not found %d/%d",
		r1, at1, answerable, r3, at3, answerable, notFound, unanswerable)
	for h := 1; h < len(held); h++ {
		t.Logf("held out, round %d: recall@1 %d/%d, recall@3 %d/%d", h, held[h][1], held[h][0], held[h][2], held[h][0])
	}
	if answerable < 30 {
		t.Errorf("%d answerable questions, want at least 30", answerable)
	}
	if r1 < minRecall1 || r3 < minRecall3 || nf < minNotFound {
		t.Errorf("recall@1 %.3f (min %.2f), recall@3 %.3f (min %.2f), not found %.2f (min %.2f)",
			r1, minRecall1, r3, minRecall3, nf, minNotFound)
	}
}

// checkPaths fails on an answer path the policy does not have.
func checkPaths(t *testing.T, p *huiqi.Policy, tq testQuestion) {
	t.Helper()
	for _, a := range tq.Answers {
		if clauseIndex(p, a) < 0 {
			t.Fatalf("%s %s: no clause %q", tq.Policy, tq.Question, a)
		}
	}
}

func clauseIndex(p *huiqi.Policy, path string) int {
	for i, c := range p.Clauses {
		if c.Path == path {
			return i
		}
	}
	return -1
}

// hitRank is the 1-based rank of the first quote that answers, 0 if none.
// A quote answers when it is an answer clause or lies inside one, or when
// it is an ancestor whose quoted words overlap the answer clause.
func hitRank(p *huiqi.Policy, quotes []Quote, answers []string) int {
	for i, q := range quotes {
		for _, a := range answers {
			if q.Source.ClausePath == a || strings.HasPrefix(q.Source.ClausePath, a+"/") {
				return i + 1
			}
			c := p.Clauses[clauseIndex(p, a)]
			if (q.Source.ClausePath == "" || strings.HasPrefix(a, q.Source.ClausePath+"/")) &&
				q.Source.Span.Start < c.Span.End && c.Span.Start < q.Source.Span.End {
				return i + 1
			}
		}
	}
	return 0
}

func quotedPaths(r *Reply) []string {
	out := make([]string, len(r.Quotes))
	for i, q := range r.Quotes {
		out[i] = q.Source.ClausePath
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
