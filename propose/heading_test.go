package propose

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestHeadingIsNotRead: a clause heading extraction took for the
// beneficiary (鼓励企业参与标准制订) is not in the sentence; the sentence
// is read instead.
func TestHeadingIsNotRead(t *testing.T) {
	t.Parallel()
	sentence := "对获得中国质量奖的企业，奖励100万元。"
	p := &huiqi.Policy{ID: "P1", Version: 1, Text: sentence}
	m := &huiqi.Measure{Beneficiary: "鼓励企业争创质量品牌", Text: sentence,
		Span: huiqi.Span{Start: 0, End: len(sentence)}, AmountSpan: huiqi.Span{Start: strings.Index(sentence, "100万元")}}
	got := textsOf(p, m)
	if len(got) != 1 || got[0].text != "对获得中国质量奖的企业，奖励" {
		t.Errorf("texts %+v, want the sentence up to its amount", got)
	}
	m.Beneficiary = "获得中国质量奖的企业" // in the sentence: the beneficiary
	if got := textsOf(p, m); len(got) != 1 || got[0].text != m.Beneficiary || got[0].at != strings.Index(sentence, m.Beneficiary) {
		t.Errorf("texts %+v, want the beneficiary at its place", got)
	}
}
