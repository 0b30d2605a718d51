package portal

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestDocumentBlocks(t *testing.T) {
	text := "关于支持企业的意见\n各单位：\n一、总体要求\n（一）加大支持。\n给予补助。\n二、附则\n本意见自发布之日起施行。\n某某市人民政府"
	at := func(s string) int { return strings.Index(text, s) }
	p := &huiqi.Policy{Text: text, Clauses: []huiqi.Clause{
		{Path: "一", Label: "一、", Depth: 1, HeadSpan: huiqi.Span{Start: at("一、"), End: at("（一）") - 1}},
		{Path: "一/(一)", Label: "（一）", Depth: 2, HeadSpan: huiqi.Span{Start: at("（一）"), End: at("二、") - 1}},
		{Path: "二", Label: "二、", Depth: 1, HeadSpan: huiqi.Span{Start: at("二、"), End: at("某某市") - 1}},
		{Path: "bad", Label: "x", Depth: 1, HeadSpan: huiqi.Span{Start: 5, End: 9999}},
	}}
	blocks, anchors := documentBlocks(p)
	var got []string
	for _, b := range blocks {
		got = append(got, b.Anchor+"="+strings.Join(b.Paras, "|"))
	}
	want := []string{
		"=关于支持企业的意见|各单位：",
		"c-一=一、总体要求",
		"c-一/(一)=（一）加大支持。|给予补助。",
		"c-二=二、附则|本意见自发布之日起施行。",
		"=某某市人民政府",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !anchors["一/(一)"] || anchors["bad"] {
		t.Errorf("anchors %v", anchors)
	}
}

// FuzzDocumentBlocks: clause spans that do not fit the text never panic and
// never lose or repeat text.
func FuzzDocumentBlocks(f *testing.F) {
	f.Add("一、总则\n二、附则", 0, 4, 5, 14)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		p := &huiqi.Policy{Text: text, Clauses: []huiqi.Clause{
			{Path: "a", HeadSpan: huiqi.Span{Start: s1, End: e1}},
			{Path: "b", HeadSpan: huiqi.Span{Start: s2, End: e2}},
		}}
		documentBlocks(p)
	})
}
