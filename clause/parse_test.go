package clause

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// paths returns the paths of clauses, for compact assertions.
func paths(cs []huiqi.Clause) string {
	var ps []string
	for _, c := range cs {
		ps = append(ps, c.Path)
	}
	return strings.Join(ps, " ")
}

func TestParsePaths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"han and paren", "一、总体要求\n(一)目标\n1.任务甲。\n2.任务乙。\n(二)原则\n二、措施", "一 一/(一) 一/(一)/1 一/(一)/2 一/(二) 二"},
		{"full-width forms", "一、总则\n（一）目标\n1．任务\n（1）细项\n①小项", "一 一/(一) 一/(一)/1 一/(一)/1/(1) 一/(一)/1/(1)/①"},
		{"articles and chapters", "第一章 总则\n第一条 为了规范。\n第二条 适用范围。\n第二章 附则\n第三条 施行。", "第一章 第一章/第一条 第一章/第二条 第二章 第二章/第三条"},
		{"arabic article number", "第1条 目的。\n第2条 范围。", "第1条 第2条"},
		{"inline labels in a long line", "三、重点任务(一)实施行动1.绘制路线图。明确方向。(市科技局)2 .推动跃升。加强研究。(二)培育产业3 .加快培育。", "三 三/(一) 三/(一)/1 三/(一)/2 三/(二) 三/(二)/3"},
		{"numbers in sentences are not labels", "一、目标\n2023年达到3.5%，投入1.5亿元，依照第5条规定，2、3、4号文件。", "一"},
		{"paren in quotation is not a label", "一、目标\n实施“(一)号工程”和“1.5计划”。", "一"},
		{"inline label must continue its sequence", "一、目标\n完成任务。5.不是标号。", "一"},
		{"dash bullets", "一、原则\n——突出引领。\n——突出融合。\n二、目标", "一 一/—1 一/—2 二"},
		{"dash bullets under a later parent restart", "一、原则\n——甲。\n二、目标\n——乙。", "一 一/—1 二 二/—1"},
		{"kind reappears under another parent", "第一条 对象为：\n一、高新技术企业；\n二、科技型企业。\n第二条 险种：\n一、专业公司；", "第一条 第一条/一 第一条/二 第二条 第二条/一"},
		{"restart at 1 under new parent", "(一)甲\n1.子\n2.子\n(二)乙\n1.子", "(一) (一)/1 (一)/2 (二) (二)/1"},
		{"duplicates and skipped numbers kept", "1.甲\n2.乙\n2.丙\n4.丁", "1 2 2~2 4"},
		{"duplicate path suffix", "(一)甲\n(一)乙\n(一)丙", "(一) (一)~2 (一)~3"},
		{"shallower kind closes deeper ones", "一、甲\n(一)子\n1.孙\n二、乙\n1.子", "一 一/(一) 一/(一)/1 二 二/1"},
		{"inline chapter then article", "第一章 总则 第一条 为了规范。第二条 适用。", "第一章 第一章/第一条 第一章/第二条"},
		{"enumeration of han numerals", "一、甲\n一、二、三等奖各一名。", "一"},
		{"table of contents skipped", "目 录\n一、现状与形势........1\n（一）指导思想…………2\n一、现状与形势\n近十年来。", "一"},
		{"usually shallower kind never seen inside closes", "(一)甲\n(二)乙\n一、总体要求\n(一)指导思想\n(二)原则\n二、任务", "(一) (二) 一 一/(一) 一/(二) 二"},
		{"kinds never seen together follow the usual order", "一、甲\n1.子\n二、乙\n(一)子\n1.孙\n(二)子", "一 一/1 二 二/(一) 二/(一)/1 二/(二)"},
		{"preface list closes before 一、", "1.甲\n2.乙\n一、总则", "1 2 一"},
		{"restart of a usually shallower kind is a sibling", "一、甲\n(一)子\n1.孙\n2.孙\n一、附件甲", "一 一/(一) 一/(一)/1 一/(一)/2 一~2"},
		{"run-on items", "一、顶尖人才\n1.国际大奖获得者2.最高科学技术奖获得者3.院士；", "一 一/1 一/2 一/3"},
		{"run-on needs the next number and a dot", "1.甲\n共3.名额，增加到4、国家", "1"},
		{"labels inside a quotation are quoted", "一、实施“(一)号工程：1.甲”\n二、乙", "一 二"},
		{"unbalanced quote forgotten at sentence end", "三、任务(一)实施“双百行动1.绘制路线图。明确。1.推动跃升。", "三 三/(一) 三/(一)/1"},
		{"references after 第 are not labels", "第十四条 企业所得税法第六条第(一)项所称收入。\n第十五条 第1.款", "第十四条 第十五条"},
		{"markdown headings", "## 第一章　总则\n第一条 目的。", "第一章 第一章/第一条"},
		{"half brackets at line starts", "一、任务\n1）优化布局。\n2）创新模式，见（附件2）。\n3）提升能力", "一 一/1) 一/2) 一/3)"},
		{"circled numbers", "1.甲\n①子一\n②子二\n2.乙", "1 1/① 1/② 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := paths(Parse(tt.text)); got != tt.want {
				t.Errorf("Parse(%q) paths = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	t.Parallel()
	text := "二、重点任务\n(一)重塑创新坐标\n以深入推动为突破点。\n7. 加快高新技术企业培育。建立培育库。\n8.加快培育。\n\n(二)建强平台\n"
	cs := Parse(text)
	if len(cs) != 5 {
		t.Fatalf("got %d clauses (%s), want 5", len(cs), paths(cs))
	}
	tests := []struct {
		name           string
		c              huiqi.Clause
		path, label    string
		kind           huiqi.ClauseKind
		number, depth  int
		heading        string
		span, headSpan string
	}{
		{"han", cs[0], "二", "二、", huiqi.ClauseHan, 2, 1, "重点任务", text[:strings.Index(text, "(二)")+len("(二)建强平台")], "二、重点任务"},
		{"paren", cs[1], "二/(一)", "(一)", huiqi.ClauseParenHan, 1, 2, "重塑创新坐标", "(一)重塑创新坐标\n以深入推动为突破点。\n7. 加快高新技术企业培育。建立培育库。\n8.加快培育。", "(一)重塑创新坐标\n以深入推动为突破点。"},
		{"arabic with space", cs[2], "二/(一)/7", "7.", huiqi.ClauseArabic, 7, 3, "加快高新技术企业培育", "7. 加快高新技术企业培育。建立培育库。", "7. 加快高新技术企业培育。建立培育库。"},
		{"last child", cs[3], "二/(一)/8", "8.", huiqi.ClauseArabic, 8, 3, "加快培育", "8.加快培育。", "8.加快培育。"},
		{"trailing newline excluded", cs[4], "二/(二)", "(二)", huiqi.ClauseParenHan, 2, 2, "建强平台", "(二)建强平台", "(二)建强平台"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			if c.Path != tt.path || c.Label != tt.label || c.Kind != tt.kind || c.Number != tt.number || c.Depth != tt.depth || c.Heading != tt.heading {
				t.Errorf("got %+v, want path %q label %q kind %s number %d depth %d heading %q", c, tt.path, tt.label, tt.kind, tt.number, tt.depth, tt.heading)
			}
			if got := text[c.Span.Start:c.Span.End]; got != tt.span {
				t.Errorf("span = %q, want %q", got, tt.span)
			}
			if got := text[c.HeadSpan.Start:c.HeadSpan.End]; got != tt.headSpan {
				t.Errorf("head span = %q, want %q", got, tt.headSpan)
			}
		})
	}
}

func TestParseDashLabel(t *testing.T) {
	t.Parallel()
	cs := Parse("——突出引领。\n─突出融合。")
	if len(cs) != 2 || cs[0].Kind != huiqi.ClauseDash || cs[0].Number != 0 || cs[0].Label != "——" || cs[1].Path != "—2" || cs[1].Label != "─" {
		t.Errorf("dash bullets = %+v", cs)
	}
}

func TestParseHeadings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"own line", "(一)重塑创新坐标\n正文。", "重塑创新坐标"},
		{"up to sentence end", "7. 加快高新技术企业培育。建立培育库。", "加快高新技术企业培育"},
		{"inline up to first child", "三、重点任务(一)实施标志性产业链“赋能”行动1.绘制。", "重点任务"},
		{"too long is not a heading", "1.为深入贯彻落实党的二十大精神和习近平总书记关于科技创新的重要论述以及对山东工作的重要指示要求而制定本方案。", ""},
		{"article provision is not a heading", "第二条 本规范适用于境内的测试。", ""},
		{"article with a title phrase", "第五条 推动敏捷治理。尊重发展规律。", "推动敏捷治理"},
		{"run-on section heading", "一、总体要求以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神和省委全会精神,聚焦科技赋能这条主线。", "总体要求"},
		{"run-on heading before a number", "二、工作目标2026年,全社会研发经费投入大幅增加,投入强度达到2.8%,科技创新综合实力显著提升,企业主体地位进一步强化。", "工作目标"},
		{"a sentence is not a run-on heading", "一、根据通知要求，由企业自行编写申报材料，先完成网上申报，经市科技局形式审查同意后，导出并打印纸质材料。", ""},
		{"no heading word, no heading", "一、以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神和省委全会精神,聚焦科技赋能这条主线和核心任务。", ""},
		{"chapter title", "第一章\u3000总\u3000则\u3000", "总\u3000则"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cs := Parse(tt.text)
			if len(cs) == 0 {
				t.Fatalf("Parse(%q) found no clause", tt.text)
			}
			if cs[0].Heading != tt.want {
				t.Errorf("heading = %q, want %q", cs[0].Heading, tt.want)
			}
		})
	}
}
