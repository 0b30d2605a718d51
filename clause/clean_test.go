package clause

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("推动产业链上下游企业协同创新", 6) // 84 runes: page text, no punctuation
	tests := []struct {
		name, in, want string
	}{
		{"CRLF and CR", "一、甲\r\n二、乙\r三、丙", "一、甲\n二、乙\n三、丙"},
		{"trailing spaces and blank runs", "甲。  \u3000\n\n\n\n乙。 \n\n", "甲。\n\n乙。"},
		{"indentation stripped", "\u3000\u3000一、总则\n    (一)目标", "一、总则\n(一)目标"},
		{"full-width kept", "（一）１．ＡＢＣ，", "（一）１．ＡＢＣ，"},
		{"site header line", "《政策.docx》由会员分享,可在线阅读,更多相关《政策.docx(13页珍藏版)》请在课桌文档上搜索。\n正文。", "正文。"},
		{"page markers removed and halves joined", "1、" + long + "资金支\n2、持不超过500万元。" + long + "和\n3、" + long + "。\n4、" + long + "产业体\n5、系建设。",
			long + "资金支持不超过500万元。" + long + "和" + long + "。\n" + long + "产业体系建设。"},
		{"marker before a real item keeps the break", "1、" + long + "一\n2、" + long + "二\n3、" + long + "(市科技局牵头)\n4、12 .培强骨干企业。",
			long + "一" + long + "二" + long + "(市科技局牵头)\n12 .培强骨干企业。"},
		{"real list items kept", "申报条件：\n1、注册在本市。\n2、具有独立法人资格。\n3、信用良好。", "申报条件：\n1、注册在本市。\n2、具有独立法人资格。\n3、信用良好。"},
		{"unpunctuated list items kept", "措施：\n1、加强组织领导，各级各部门要把科技创新摆在突出位置形成工作合力\n2、加大资金投入，统筹各类专项资金向科技创新倾斜支持企业研发\n3、强化人才支撑，落实人才引进培育政策为企业创新提供智力保障\n4、优化创新环境", "措施：\n1、加强组织领导，各级各部门要把科技创新摆在突出位置形成工作合力\n2、加大资金投入，统筹各类专项资金向科技创新倾斜支持企业研发\n3、强化人才支撑，落实人才引进培育政策为企业创新提供智力保障\n4、优化创新环境"},
		{"list of short headings kept", "1、总体要求\n2、基本原则\n3、主要任务\n4、保障措施", "1、总体要求\n2、基本原则\n3、主要任务\n4、保障措施"},
		{"OCR label slips", "I1.培育企业。\nl2、培强企业。(牵头)1O.推动。\n行动I3.加快。", "11.培育企业。\n12、培强企业。(牵头)10.推动。\n行动13.加快。"},
		{"OCR letters outside labels kept", "采用IO1.5标准。\nI1.5万元", "采用IO1.5标准。\nI1.5万元"},
		{"ordinal broken after 第 rejoined", "第\n一、二层次人才\n依照第\n（十二）项", "第一、二层次人才\n依照第（十二）项"},
		{"space before dot kept", "2 .推动标志性产业链", "2 .推动标志性产业链"},
		{"page footers", "第一条 甲。\n— 2 —\n第二条 乙。\n- 3 -\n第 4 页 共 13 页\n技术验— 5 —证平台。", "第一条 甲。\n第二条 乙。\n技术验证平台。"},
		{"trailing web chrome", "(四)强化宣传引导\n正文。\n访谈解读:领导访谈解读|关于《方案》的解读\n信息来源:https://www.example.gov.cn/a.html\n原创文章,作者:区政府,如若转载,请注明出处:https://x.y/1.html\n\n【打印】【关闭】\n扫一扫在手机打开当前页\n分享到:", "(四)强化宣传引导\n正文。"},
		{"web chrome words inside the text kept", "信息来源:各部门报送。\n正文。", "信息来源:各部门报送。\n正文。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestCleanJoinsWrappedLines(t *testing.T) {
	t.Parallel()
	// A PDF page: lines of 24 characters broken mid-sentence, a title and a new
	// paragraph that must stay apart.
	text := strings.Join([]string{
		"管理办法（试行）",
		"第一条  为贯彻工业和信息化部、公安部《智能网联汽",
		"车道路测试与示范应用管理规范》，推动汽车智能化、网",
		"联化技术应用和产业发展，制定本办法。",
		"第二条  本办法适用于本市行政区域范围内智能网联汽",
		"车道路测试与示范应用及其相关管理活动，包括测试区",
		"\u3000\u3000本办法所称道路测试，是指在公路城市道路区域内",
		"进行的测试活动。",
		"第三条  本办法所称示范应用，是指在公路城市道路区域",
		"内进行的具有试点、试行效果的智能网联汽车载人载物",
		"运行活动。",
	}, "\n")
	want := strings.Join([]string{
		"管理办法（试行）",
		"第一条  为贯彻工业和信息化部、公安部《智能网联汽车道路测试与示范应用管理规范》，推动汽车智能化、网联化技术应用和产业发展，制定本办法。",
		"第二条  本办法适用于本市行政区域范围内智能网联汽车道路测试与示范应用及其相关管理活动，包括测试区",
		"本办法所称道路测试，是指在公路城市道路区域内进行的测试活动。",
		"第三条  本办法所称示范应用，是指在公路城市道路区域内进行的具有试点、试行效果的智能网联汽车载人载物运行活动。",
	}, "\n")
	if got := Clean(text); got != want {
		t.Errorf("Clean wrapped text\n got %q\nwant %q", got, want)
	}
}

func TestCleanKeepsUnwrappedLines(t *testing.T) {
	t.Parallel()
	// Lines of different lengths without punctuation are titles and headings of
	// an unwrapped document, not wraps.
	text := "嘉兴市科学技术局嘉科综〔2018〕47号\n关于印发实施办法的通知\n各县科技局：\n现将办法印发给你们，请遵照执行。\n二、规范科技企业孵化器管理\n（一）准入管理\n市科技局负责孵化器日常事务监督管理和服务。"
	if got := Clean(text); got != text {
		t.Errorf("Clean changed unwrapped text:\n got %q\nwant %q", got, text)
	}
}
