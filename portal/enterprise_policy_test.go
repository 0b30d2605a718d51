package portal

import (
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func TestWhyNone(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC) }
	jiaxing := &huiqi.Region{Code: "330400", Name: "嘉兴市"}
	cases := []struct {
		name string
		p    huiqi.Policy
		e    huiqi.Enterprise
		want string
	}{
		{"expired", huiqi.Policy{Region: jiaxing, ExpiresOn: huiqi.Date{Year: 2020, Month: 12, Day: 31}}, huiqi.Enterprise{RegionCode: "330402"}, "已失效"},
		{"draft", huiqi.Policy{Region: jiaxing, Draft: true}, huiqi.Enterprise{RegionCode: "330402"}, "征求意见稿"},
		{"elsewhere", huiqi.Policy{Region: jiaxing}, huiqi.Enterprise{RegionCode: "510105"}, "贵企业注册地（四川省成都市青羊区）不在其范围内"},
		{"within, nothing to measure", huiqi.Policy{Region: jiaxing}, huiqi.Enterprise{RegionCode: "330402"}, "没有识别到面向企业"},
		{"region unknown", huiqi.Policy{Region: jiaxing}, huiqi.Enterprise{}, "没有识别到面向企业"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := whyNone(&c.p, &c.e, now); !strings.Contains(got, c.want) {
				t.Errorf("whyNone = %q, want it to say %q", got, c.want)
			}
		})
	}
}

// TestPolicyAnswerFill: the policy's lines and its part of the total
// only, stacking reasons kept, nothing of other policies.
func TestPolicyAnswerFill(t *testing.T) {
	mine, other := huiqi.Provenance{PolicyID: "p1", ClausePath: "一"}, huiqi.Provenance{PolicyID: "p2"}
	rep := huiqi.MatchReport{
		Results: []huiqi.MatchResult{
			{MeasureID: "a", Status: huiqi.MatchEligible, Cited: mine, Amount: &huiqi.Amount{Min: 100000, Max: 100000}},
			{MeasureID: "b", Status: huiqi.MatchUnknown, Cited: mine, Amount: &huiqi.Amount{Min: 0, Max: 300000}},
			{MeasureID: "c", Status: huiqi.MatchEligible, Cited: other, Amount: &huiqi.Amount{Min: 900000, Max: 900000}},
		},
		Total: huiqi.MatchTotal{Lines: []huiqi.TotalLine{
			{MeasureID: "a", MinYuan: 100000, MaxYuan: 100000},
			{MeasureID: "b", MaxYuan: 200000, Reason: "年度合计上限"},
			{MeasureID: "c", MinYuan: 900000, MaxYuan: 900000},
		}},
	}
	pa := &policyAnswer{P: &huiqi.Policy{ID: "p1"}}
	pa.fill(rep, &huiqi.Enterprise{}, time.Now)
	if len(pa.Lines) != 2 || pa.TotalW != "10万元 – 30万元" || pa.Lines[1].Part != "年度合计上限" || pa.Why != "" {
		t.Errorf("lines %d, total %q, part %q, why %q", len(pa.Lines), pa.TotalW, pa.Lines[1].Part, pa.Why)
	}
	if pa.Lines[0].URL != "/policies/p1#c-一" || !pa.Lines[0].Full {
		t.Errorf("first line links to %q, full %v", pa.Lines[0].URL, pa.Lines[0].Full)
	}
}

func TestQuoteTitle(t *testing.T) {
	for in, want := range map[string]string{
		"关于支持企业的意见":            "《关于支持企业的意见》",
		"《嘉兴市若干政策意见》有关内容的操作办法": "《〈嘉兴市若干政策意见〉有关内容的操作办法》",
		"": "",
	} {
		if got := quoteTitle(in); got != want {
			t.Errorf("quoteTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
