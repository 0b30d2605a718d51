package propose

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestSharedFacts: two measures read from one sentence state the same
// words, one question with one id for the policy; a fact only one
// measure states keeps that measure's id.
func TestSharedFacts(t *testing.T) {
	t.Parallel()
	text := "对从事海铁联运业务的企业，分别给予10万元、20万元奖励。对在兰溪堆场堆存的企业，给予5万元奖励。"
	p := &huiqi.Policy{ID: "ABC", Version: 1, Text: text,
		Clauses: []huiqi.Clause{{Path: "一", Number: 1}}}
	s1 := huiqi.Span{Start: 0, End: strings.Index(text, "对在")}
	s2 := huiqi.Span{Start: s1.End, End: len(text)}
	p.Measures = []huiqi.Measure{
		{ClausePath: "一", Beneficiary: "从事海铁联运业务的企业", Text: text[s1.Start:s1.End], Span: s1},
		{ClausePath: "一", Beneficiary: "从事海铁联运业务的企业", Text: text[s1.Start:s1.End], Span: s1},
		{ClausePath: "一", Beneficiary: "在兰溪堆场堆存的企业", Text: text[s2.Start:s2.End], Span: s2},
	}
	prs := Propose(p)
	ids := make([][]string, len(prs))
	for i, pr := range prs {
		ids[i] = pr.Declarations()
	}
	if len(ids[0]) != 2 || ids[0][1] != ids[1][1] || !strings.HasPrefix(ids[0][1], "m_abc_s") {
		t.Errorf("one sentence, two measures: facts %v and %v, want one id m_abc_s…", ids[0], ids[1])
	}
	if len(ids[2]) != 2 || !strings.HasPrefix(ids[2][1], prs[2].ID+"_s") {
		t.Errorf("a fact of one measure: %v, want %s_s…", ids[2], prs[2].ID)
	}
}
