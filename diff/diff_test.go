package diff_test

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/diff"
)

func yuan(v int64) *int64 { return &v }

const oldText = `一、发展目标
到2025年，高新技术企业达到200家。
二、支持措施
（一）研发补助
对新认定的高新技术企业给予一次性奖励20万元。企业研发投入按10%给予补助。
（二）人才支持
引进博士给予安家补贴10万元。
三、保障措施
各部门按职责分工落实。
`

const newText = `一、发展目标
到2025年，高新技术企业达到220家。
二、支持措施
（一）研发补助
对新认定的高新技术企业给予一次性奖励30万元。企业研发投入按10%给予补助。
（二）人才支持
引进博士给予安家补贴10万元。
三、保障措施
各部门按职责分工落实。
`

// clauses gives the clause tree of both texts: their clause lines are alike.
func clauses(text string) []huiqi.Clause {
	at := func(s string) int { return strings.Index(text, s) }
	return []huiqi.Clause{
		{Path: "一", Span: huiqi.Span{Start: at("一、"), End: at("二、")}},
		{Path: "二", Heading: "支持措施", Span: huiqi.Span{Start: at("二、"), End: at("三、")}},
		{Path: "二/(一)", Heading: "研发补助", Span: huiqi.Span{Start: at("（一）"), End: at("（二）")}},
		{Path: "二/(二)", Span: huiqi.Span{Start: at("（二）"), End: at("三、")}},
		{Path: "三", Span: huiqi.Span{Start: at("三、"), End: len(text)}},
	}
}

func versions() (*huiqi.Policy, *huiqi.Policy) {
	old := &huiqi.Policy{
		ID: "abc", Version: 1, Title: "科技创新若干政策", Issuers: []string{"区政府"}, Draft: true,
		IssuedOn: huiqi.Date{Year: 2023, Month: 4, Day: 18}, Text: oldText, Clauses: clauses(oldText),
		Measures: []huiqi.Measure{
			{ClausePath: "二/(一)", Kind: huiqi.KindReward, Beneficiary: "新认定的高新技术企业", AmountYuan: yuan(200000)},
			{ClausePath: "二/(二)", Kind: huiqi.KindSubsidy, Beneficiary: "博士", AmountYuan: yuan(100000)},
			{ClausePath: "三", Kind: huiqi.KindOther, Beneficiary: "企业", AmountYuan: yuan(50000)},
		},
		Targets: []huiqi.Target{{ClausePath: "一", Indicator: "高新技术企业数量", Value: 200, Unit: "家", Year: 2025}},
		Tasks:   []huiqi.Task{{ClausePath: "三", Title: "落实", Units: []string{"各部门"}}},
	}
	new := &huiqi.Policy{
		ID: "abc", Version: 2, Title: "科技创新若干政策", Issuers: []string{"区政府"},
		IssuedOn: huiqi.Date{Year: 2023, Month: 5, Day: 1}, Text: newText, Clauses: clauses(newText),
		Measures: []huiqi.Measure{
			{ClausePath: "二/(一)", Kind: huiqi.KindReward, Beneficiary: "新认定的高新技术企业", AmountYuan: yuan(300000)},
			{ClausePath: "二/(二)", Kind: huiqi.KindSubsidy, Beneficiary: "博士", AmountYuan: yuan(100000)},
			{ClausePath: "二/(一)", Kind: huiqi.KindSubsidy, Beneficiary: "企业", Rate: new(0.1), RateBase: "研发投入"},
		},
		Targets: []huiqi.Target{{ClausePath: "一", Indicator: "高新技术企业数量", Value: 220, Unit: "家", Year: 2025}},
		Tasks:   []huiqi.Task{{ClausePath: "三", Title: "落实", Units: []string{"各部门"}}},
	}
	return old, new
}

func TestPolicies(t *testing.T) {
	t.Parallel()
	old, new := versions()
	r := diff.Policies(old, new)

	var fields []string
	for _, f := range r.Fields {
		fields = append(fields, f.Field+": "+f.Old+" → "+f.New)
	}
	if want := []string{"draft: true → false", "issued_on: 2023-04-18 → 2023-05-01"}; strings.Join(fields, "|") != strings.Join(want, "|") {
		t.Errorf("fields %q, want %q", fields, want)
	}

	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"measures", summarize(r.Measures, func(m *huiqi.Measure) string { return m.ClausePath + " " + string(m.Kind) }),
			[]string{"changed 二/(一) reward [amount: 20万元 → 30万元]", "added 二/(一) subsidy", "removed 三 other"}},
		{"targets", summarize(r.Targets, func(t *huiqi.Target) string { return t.Indicator }),
			[]string{"changed 高新技术企业数量 [value: 200 家 → 220 家]"}},
		{"tasks", summarize(r.Tasks, func(t *huiqi.Task) string { return t.Title }), nil},
	}
	for _, tt := range tests {
		if strings.Join(tt.got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}

	if len(r.Hunks) != 1 {
		t.Fatalf("got %d hunks, want 1: %+v", len(r.Hunks), r.Hunks)
	}
	h := r.Hunks[0]
	if h.OldStart != 1 || h.OldLines != 8 || h.NewStart != 1 || h.NewLines != 8 || h.Clause != "一" {
		t.Errorf("hunk @@ -%d,%d +%d,%d @@ %s", h.OldStart, h.OldLines, h.NewStart, h.NewLines, h.Clause)
	}
}

func summarize[T any](cs []diff.Change[T], name func(*T) string) []string {
	var out []string
	for _, c := range cs {
		s := string(c.Op) + " "
		if c.New != nil {
			s += name(c.New)
		} else {
			s += name(c.Old)
		}
		if len(c.Fields) > 0 {
			var fs []string
			for _, f := range c.Fields {
				fs = append(fs, f.Field+": "+f.Old+" → "+f.New)
			}
			s += " [" + strings.Join(fs, "; ") + "]"
		}
		out = append(out, s)
	}
	return out
}

func TestWriteText(t *testing.T) {
	t.Parallel()
	old, new := versions()
	var b strings.Builder
	if err := diff.Policies(old, new).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `policy abc: version 1 → 2  科技创新若干政策

metadata
  draft: true → false
  issued_on: 2023-04-18 → 2023-05-01

measures
  ~ [二/(一)]  reward  30万元  新认定的高新技术企业
      amount: 20万元 → 30万元
  + [二/(一)]  subsidy  企业
  - [三]  other  5万元  企业

targets
  ~ [一]  高新技术企业数量  220 家  2025
      value: 200 家 → 220 家

text
--- version 1
+++ version 2
@@ -1,8 +1,8 @@ 一
 一、发展目标
-到2025年，高新技术企业达到200家。
+到2025年，高新技术企业达到220家。
 二、支持措施
 （一）研发补助
-对新认定的高新技术企业给予一次性奖励20万元。
+对新认定的高新技术企业给予一次性奖励30万元。
 企业研发投入按10%给予补助。
 （二）人才支持
 引进博士给予安家补贴10万元。
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestHunksNameTheClause(t *testing.T) {
	t.Parallel()
	var a, b []string
	for i := range 30 {
		a = append(a, strings.Repeat("行", i+1))
	}
	b = append(b, a...)
	b[20] = "改"
	text := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	old := &huiqi.Policy{Version: 1, Text: text(a)}
	new := &huiqi.Policy{Version: 2, Text: text(b), Clauses: []huiqi.Clause{
		{Path: "二", Heading: "措施", Span: huiqi.Span{Start: strings.Index(text(b), a[15]), End: len(text(b))}},
		{Path: "二/(一)", Span: huiqi.Span{Start: strings.Index(text(b), a[18]), End: len(text(b)) - 1}},
	}}
	r := diff.Policies(old, new)
	if len(r.Hunks) != 1 || r.Hunks[0].Clause != "二/(一)" || r.Hunks[0].OldStart != 18 || len(r.Hunks[0].Lines) != 8 {
		t.Errorf("hunks %+v", r.Hunks)
	}
	if same := diff.Policies(new, new); !same.Empty() {
		t.Errorf("a version compared with itself: %+v", same)
	}
}

func TestWriteTextNarrowsLongFields(t *testing.T) {
	t.Parallel()
	sentence := "对园区建筑面积8000平方米及以上的，按照实际新增投资额最高30%给予一次性补助，园区最高不超过%s万元，楼宇最高不超过100万元。"
	old := &huiqi.Policy{Version: 1, Tasks: []huiqi.Task{{ClausePath: "1", Title: "园区", Text: strings.Replace(sentence, "%s", "200", 1)}}}
	new := &huiqi.Policy{Version: 2, Tasks: []huiqi.Task{{ClausePath: "1", Title: "园区", Text: strings.Replace(sentence, "%s", "300", 1)}}}
	var b strings.Builder
	if err := diff.Policies(old, new).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if want := "text: …，园区最高不超过200万元，楼宇最… → …，园区最高不超过300万元，楼宇最…"; !strings.Contains(b.String(), want) {
		t.Errorf("got\n%s\nwant a line with %s", b.String(), want)
	}
}
