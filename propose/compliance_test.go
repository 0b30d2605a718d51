package propose

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// kinds are the kinds of the conditions read from text.
func kinds(text string) []CondKind {
	r := reader{k: 0, n: 1}
	var out []CondKind
	for _, c := range r.read(text, 0) {
		out = append(out, c.Kind)
	}
	return out
}

// TestCompliance: the generic compliance statements stay declarations
// (unconfirmed, they count as met); nothing else does.
func TestCompliance(t *testing.T) {
	t.Parallel()
	statements := []string{
		"未被列入经营异常名录",
		"企业未被列入经营异常名录或严重失信主体名单",
		"未列入严重违法失信企业名单",
		"非失信被执行人",
		"无严重失信行为",
		"近三年未发生重大安全、质量、环境污染事故",
		"无重大安全生产事故",
		"未发生环境违法行为",
		"依法纳税",
		"无偷漏税行为",
		"产品不属于国家禁止、限制或淘汰类",
		"提供的产品（服务）不属于国家禁止、限制或淘汰类",
		"符合国家产业政策",
		"符合国家和省产业政策",
		"信用良好",
		"企业信用记录良好",
		"近三年无违法违规行为",
		"守法经营",
		"财务会计制度健全",
		"未列入黑名单",
		"遵纪守法",
		"无重大环境污染事件",
		"依法纳税、信用良好、近三年无重大安全事故的企业",
	}
	for _, s := range statements {
		for _, k := range kinds(s) {
			if k != CondDeclare {
				t.Errorf("%q: read as %v; a compliance statement is a declaration only", s, kinds(s))
				break
			}
		}
		if len(kinds(s)) == 0 {
			t.Errorf("%q: nothing read", s)
		}
	}
	requirements := []string{ // what the beneficiary is or did: facts to state
		"从事铁路集装箱海铁联运业务的承运企业",
		"且在兰溪堆场实际堆存",
		"当年新获得国家级、省级“守合同重信用”称号的企业",
		"按时完成落后产能淘汰任务并通过市级验收",
		"企业投保出口信用保险",
		"信用评价为守信异常的工业企业",
		"年实缴税收50万元以上",
		"将上市公司注册地、纳税登记迁至我区",
		"获得省级质量奖",
		"国家体育产业示范基地",
	}
	for _, s := range requirements {
		ks := kinds(s)
		if len(ks) == 0 || ks[len(ks)-1] != CondStated {
			t.Errorf("%q: read as %v; want a stated fact", s, ks)
		}
		for _, k := range ks {
			if k == CondDeclare {
				t.Errorf("%q: read as %v; a requirement is no compliance declaration", s, ks)
			}
		}
	}
}

// policyOf is a 西湖区 policy of one measure for beneficiary, 10万元.
func policyOf(beneficiary string, region *huiqi.Region) *huiqi.Policy {
	text := "一、对" + beneficiary + "，给予10万元奖励。"
	amount := int64(100_000)
	return &huiqi.Policy{ID: "abc123", Version: 1, Title: "测试政策", Region: region, Text: text,
		Clauses: []huiqi.Clause{{Path: "一", Number: 1}},
		Measures: []huiqi.Measure{{ClausePath: "一", Beneficiary: beneficiary, AmountYuan: &amount,
			Text: text, Span: huiqi.Span{Start: 0, End: len(text)}}}}
}

// TestDeclarationsAndFacts: an unconfirmed compliance declaration leaves
// the answer likely, never unknown; a requirement left unstated makes it
// unknown and asks for it; stated, it is met — in Eval and in the rules
// engine alike.
func TestDeclarationsAndFacts(t *testing.T) {
	t.Parallel()
	xihu := &huiqi.Region{Code: "330106", Name: "西湖区"}
	asOf := d("2026-05-01")
	gaoqi := func(decl map[string]bool) *huiqi.Enterprise {
		return &huiqi.Enterprise{RegionCode: "330106", Declarations: decl,
			Certifications: []huiqi.Certification{{Name: "高新技术企业", Since: d("2024-12-06")}}}
	}
	tests := []struct {
		name, beneficiary string
		region            *huiqi.Region
		answer            bool // answer every declaration and fact yes
		want              huiqi.MatchStatus
	}{
		{"合规声明待确认：很可能符合", "未被列入经营异常名录的高新技术企业", xihu, false, huiqi.MatchLikely},
		{"合规声明已确认：符合", "未被列入经营异常名录的高新技术企业", xihu, true, huiqi.MatchEligible},
		{"要求未说明：待定", "从事铁路集装箱海铁联运业务的高新技术企业", xihu, false, huiqi.MatchUnknown},
		{"要求已说明：符合", "从事铁路集装箱海铁联运业务的高新技术企业", xihu, true, huiqi.MatchEligible},
		{"文件未写明地区：待定", "高新技术企业", nil, false, huiqi.MatchUnknown},
		{"说明注册地在适用地区内：符合", "高新技术企业", nil, true, huiqi.MatchEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := Propose(policyOf(tt.beneficiary, tt.region))[0]
			decl := map[string]bool{}
			for _, id := range pr.Declarations() {
				if tt.answer {
					decl[id] = true
				}
			}
			e := gaoqi(decl)
			a := pr.Eval(e, asOf, true)
			if a.Status != tt.want {
				t.Fatalf("%s, want %s\n%s", a.Status, tt.want, pr.YAML())
			}
			if tt.want == huiqi.MatchUnknown && (len(a.Missing) == 0 || !strings.HasPrefix(a.Missing[0].Path, "declarations.")) {
				t.Errorf("unknown asks %+v; want the fact to state", a.Missing)
			}
			set, err := pr.Set()
			if err != nil {
				t.Fatal(err)
			}
			as, err := set.Assess(e, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if as.Verdict != verdictOf(a.Status) {
				t.Errorf("rules: %s, Eval %s", as.Verdict, a.Status)
			}
		})
	}
}

// TestFactIDs: a stated fact's id comes from its measure and its words,
// not from a count: the same words give the same id, others another.
func TestFactIDs(t *testing.T) {
	t.Parallel()
	ids := func(b string) []string {
		var out []string
		for _, c := range Propose(policyOf(b, &huiqi.Region{Code: "330106"}))[0].Conds {
			if c.Kind == CondStated {
				out = append(out, c.ID)
			}
		}
		return out
	}
	a, b := ids("获得省级质量奖"), ids("获得省级质量奖")
	c := ids("获得市长质量奖")
	if len(a) != 1 || len(c) != 1 || a[0] != b[0] || a[0] == c[0] || !strings.HasPrefix(a[0], "m_abc123_1_1_s") {
		t.Errorf("fact ids %v, %v, %v", a, b, c)
	}
}
