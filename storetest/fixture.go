package storetest

import (
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// richText is a short policy in Simplified Chinese; richOriginal is the same
// text as published in Traditional characters.
const (
	richText = "关于促进科技创新的若干政策\n" +
		"一、支持企业研发\n" +
		"(一)对新认定的高新技术企业给予20万元奖励。\n" +
		"(二)研发费用按20%给予补助,单个企业年度最高100万元。\n" +
		"二、工作目标\n" +
		"到2025年,高新技术企业达到220家以上。\n" +
		"三、保障措施\n" +
		"1.完善政策体系。牵头单位:区科学技术局;责任单位:区财政局。\n" +
		"本政策自2024年1月1日起施行,有效期三年。原《关于加快科技发展的意见》同时废止。\n"
	richOriginal = "關於促進科技創新的若干政策\n" +
		"一、支持企業研發\n" +
		"(一)對新認定的高新技術企業給予20萬元獎勵。\n" +
		"(二)研發費用按20%給予補助,單個企業年度最高100萬元。\n" +
		"二、工作目標\n" +
		"到2025年,高新技術企業達到220家以上。\n" +
		"三、保障措施\n" +
		"1.完善政策體系。牽頭單位:區科學技術局;責任單位:區財政局。\n" +
		"本政策自2024年1月1日起施行,有效期三年。原《關於加快科技發展的意見》同時廢止。\n"
)

// span is the byte range of the first occurrence of part in text.
func span(text, part string) huiqi.Span {
	i := strings.Index(text, part)
	if i < 0 {
		panic("storetest: fixture part not in text: " + part)
	}
	return huiqi.Span{Start: i, End: i + len(part)}
}

func i64(v int64) *int64     { return &v }
func f64(v float64) *float64 { return &v }
func clause(t, path, label string, kind huiqi.ClauseKind, n, depth int, head string) huiqi.Clause {
	s := span(t, head)
	return huiqi.Clause{Path: path, Label: label, Kind: kind, Number: n, Depth: depth, Span: s, HeadSpan: s}
}

// RichPolicy returns a policy with every field set, and its raw file: GB18030
// bytes standing in for a legacy-encoded original, so not valid UTF-8.
func RichPolicy() (*huiqi.Policy, []byte) {
	t := richText
	p := &huiqi.Policy{
		Title: "关于促进科技创新的若干政策", Issuers: []string{"某区人民政府办公室", "某区科学技术局"},
		Region: &huiqi.Region{Code: "330185", Name: "临安区"}, DocType: "若干政策",
		DocNumber: "临政办发〔2024〕1号", Draft: false,
		IssuedOn: huiqi.Date{Year: 2023, Month: 12, Day: 20}, PublishedOn: huiqi.Date{Year: 2023, Month: 12, Day: 28},
		EffectiveOn: huiqi.Date{Year: 2024, Month: 1, Day: 1}, ExpiresOn: huiqi.Date{Year: 2026, Month: 12, Day: 31},
		EffectiveRule: "自2024年1月1日起施行", ValidityText: "有效期三年",
		Repeals: []huiqi.Repeal{{Title: "关于加快科技发展的意见", Text: "原《关于加快科技发展的意见》同时废止",
			Span: span(t, "原《关于加快科技发展的意见》同时废止")}},
		Script: "hant",
		Clauses: []huiqi.Clause{
			clause(t, "一", "一、", huiqi.ClauseHan, 1, 1, "一、支持企业研发"),
			clause(t, "一/(一)", "(一)", huiqi.ClauseParenHan, 1, 2, "(一)对新认定的高新技术企业给予20万元奖励。"),
			clause(t, "一/(二)", "(二)", huiqi.ClauseParenHan, 2, 2, "(二)研发费用按20%给予补助,单个企业年度最高100万元。"),
			clause(t, "二", "二、", huiqi.ClauseHan, 2, 1, "二、工作目标"),
			clause(t, "三", "三、", huiqi.ClauseHan, 3, 1, "三、保障措施"),
			clause(t, "三/1", "1.", huiqi.ClauseArabic, 1, 2, "1.完善政策体系。"),
		},
		Measures: []huiqi.Measure{{
			Clause: "一", ClausePath: "一/(一)", Kind: huiqi.KindReward, Beneficiary: "高新技术企业",
			AmountYuan: i64(200000), AmountIsCap: false, Periodicity: "one_time", Condition: "新认定",
			Text: "对新认定的高新技术企业给予20万元奖励", Span: span(t, "对新认定的高新技术企业给予20万元奖励"),
			AmountSpan: span(t, "20万元"),
		}, {
			Clause: "二", ClausePath: "一/(二)", Kind: huiqi.KindSubsidy, Beneficiary: "企业",
			AmountYuan: i64(1000000), AmountMinYuan: i64(0), AmountIsCap: true, CapYuan: i64(1000000),
			CapPeriod: "year", Rate: f64(0.2), RateBase: "研发费用", PerUnit: "家", Periodicity: "annual",
			TopUpOf: "一", Text: "研发费用按20%给予补助", Span: span(t, "研发费用按20%给予补助"),
			AmountSpan: span(t, "100万元"),
		}},
		Stacking: []huiqi.StackingRule{{Kind: "total_cap", CapYuan: i64(1000000), ClausePath: "一/(二)",
			Text: "单个企业年度最高100万元", Span: span(t, "单个企业年度最高100万元")}},
		Targets: []huiqi.Target{{Clause: "二", ClausePath: "二", Indicator: "高新技术企业", Value: 220, Unit: "家",
			Comparator: "≥", Year: 2025, Baseline: f64(180.5), BaselineYear: 2023,
			Text: "到2025年,高新技术企业达到220家以上", Span: span(t, "到2025年,高新技术企业达到220家以上")}},
		Tasks: []huiqi.Task{{Clause: "1", ClausePath: "三/1", Title: "完善政策体系", LeadUnits: []string{"区科学技术局"},
			Units: []string{"区科学技术局", "区财政局"}, Text: "1.完善政策体系。", Span: span(t, "1.完善政策体系。")}},
		Text: t, OriginalText: richOriginal,
		Source: huiqi.Source{FileName: "临政办发2024-1号.txt", Format: "txt", Encoding: "gb18030"},
	}
	return p, gb18030Bytes(richOriginal)
}

// gb18030Bytes fakes a legacy-encoded file: every rune as two high bytes, plus
// a NUL and a 0xFF that no UTF-8 decoder accepts.
func gb18030Bytes(s string) []byte {
	b := []byte{0xFF, 0x00, 0xB9, 0xD8}
	for _, r := range s {
		b = append(b, byte(0x81+r%0x7E), byte(0x40+r%0xBE))
	}
	return b
}

// Simple returns a small distinct policy for listing and paging tests.
func Simple(n int, region, docType string) (*huiqi.Policy, []byte) {
	text := fmt.Sprintf("第%d号通知\n一、对企业给予%d万元补助。\n", n, n)
	p := &huiqi.Policy{
		Title: fmt.Sprintf("第%d号通知", n), DocNumber: fmt.Sprintf("测政发〔2024〕%d号", n),
		Issuers: []string{"测试市人民政府"}, DocType: docType, Text: text, Script: "hans",
		IssuedOn: huiqi.Date{Year: 2024, Month: 1 + n%12, Day: 1 + n%28},
		Source:   huiqi.Source{FileName: fmt.Sprintf("n%d.txt", n), Format: "txt", Encoding: "utf-8"},
		Measures: []huiqi.Measure{{Kind: huiqi.KindSubsidy, AmountYuan: i64(int64(n) * 10000), Text: text}},
	}
	if region != "" {
		p.Region = &huiqi.Region{Code: region, Name: "区" + region}
	}
	return p, []byte(text)
}

// Realistic returns policy n of a stream like an ingest: about 10 KB of text,
// 20 measures, 30 clauses, a few targets and tasks.
func Realistic(n int) (*huiqi.Policy, []byte) {
	var b strings.Builder
	fmt.Fprintf(&b, "某市关于支持产业发展的若干政策(第%d号)\n", n)
	p := &huiqi.Policy{
		Title: fmt.Sprintf("某市关于支持产业发展的若干政策(第%d号)", n), DocNumber: fmt.Sprintf("某政发〔2025〕%d号", n),
		Issuers: []string{"某市人民政府"}, Region: &huiqi.Region{Code: "330100", Name: "杭州市"}, DocType: "若干政策",
		PublishedOn: huiqi.Date{Year: 2025, Month: 3, Day: 1}, Script: "hans",
		Source: huiqi.Source{FileName: fmt.Sprintf("p%d.html", n), Format: "html", Encoding: "utf-8"},
	}
	for i := 1; i <= 30; i++ {
		start := b.Len()
		fmt.Fprintf(&b, "%d.对符合条件的企业,经认定后给予一次性奖励%d万元,同一企业同一年度按就高原则不重复享受。", i, i*5)
		b.WriteString(strings.Repeat("相关部门应当加强政策宣传和兑现服务,确保资金及时拨付到位。", 3) + "\n")
		sp := huiqi.Span{Start: start, End: b.Len()}
		path := fmt.Sprint(i)
		p.Clauses = append(p.Clauses, huiqi.Clause{Path: path, Label: path + ".", Kind: huiqi.ClauseArabic,
			Number: i, Depth: 1, Span: sp, HeadSpan: sp})
		if i <= 20 {
			p.Measures = append(p.Measures, huiqi.Measure{Clause: path, ClausePath: path, Kind: huiqi.KindReward,
				Beneficiary: "企业", AmountYuan: i64(int64(i) * 50000), Periodicity: "one_time",
				Text: fmt.Sprintf("给予一次性奖励%d万元", i*5), Span: sp, AmountSpan: sp})
		} else if i <= 25 {
			p.Targets = append(p.Targets, huiqi.Target{Clause: path, ClausePath: path, Indicator: "规上企业",
				Value: float64(i * 10), Unit: "家", Year: 2027, Text: "规上企业", Span: sp})
		} else {
			p.Tasks = append(p.Tasks, huiqi.Task{Clause: path, ClausePath: path, Title: "加强宣传",
				LeadUnits: []string{"市经信局"}, Units: []string{"市经信局", "市财政局"}, Span: sp})
		}
	}
	p.Text = b.String()
	return p, []byte("<html><body><pre>" + p.Text + "</pre></body></html>")
}
