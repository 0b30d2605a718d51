package decode

import (
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestPDF(t *testing.T) {
	t.Parallel()
	needPdftotext(t)
	docs, err := File("testdata/zj430.pdf")
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkDocument(t, d, "pdf", "utf-8")
	for _, w := range []string{
		// wrapped lines re-joined, including across a wrap before digits
		"\n为深入贯彻落实省“凤凰行动”计划，鼓励企业通过实施并购重组做大做强，加快企业上市挂牌步伐，促进我市经济转型升级和新旧动能转换，营造企业对接资本市场的良好氛围，现结合我市实际，特提出如下实施意见。\n",
		"\n一、我市上市公司成功并购市内目标企业并达到控股要求，按并购方出资额（现金支付占50%以上，下同）给予奖励：\n",
		// real paragraph breaks kept
		"\n（一）出资额在3000万元以上、5000万元以下的给予奖励75万元；\n（二）出资额在5000万元以上的：\n1.不足1亿元",
		"\n五、我市拟上市拟挂牌企业在并购重组中办理不动产及其他资产合并过户时，免收转移交易费；\n按规定权限",
		// a table row stays one line
		"\n并购方出资额 奖励金额\n",
		"\n瑞安市人民政府办公室2018年4月24日印发",
	} {
		if !strings.Contains(d.Text, w) {
			t.Errorf("text lacks %q; text:\n%s", w, d.Text)
		}
	}
}

func TestScannedPDF(t *testing.T) {
	t.Parallel()
	needPdftotext(t)
	_, err := File("testdata/zj430_scanned.pdf")
	if huiqi.ErrorCode(err) != huiqi.EUNSUPPORTED || !strings.Contains(err.Error(), "scanned") || !strings.Contains(err.Error(), "OCR") {
		t.Fatalf("error %v, want EUNSUPPORTED naming a scanned PDF and OCR", err)
	}
}

func TestRejoinPDFLines(t *testing.T) {
	t.Parallel()
	full := strings.Repeat("资", 30)
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"wrapped between characters", []string{full[:len(full)-3] + "资", "金补助。", full}, []string{full[:len(full)-3] + "资金补助。", full}},
		{"sentence end keeps break", []string{full + "。", full}, []string{full + "。", full}},
		{"short line keeps break", []string{"第一章", full}, []string{"第一章", full}},
		{"indented next line is a paragraph", []string{full, "    " + full}, []string{full, full}},
		{"clause label starts a paragraph", []string{full, "（二）" + full}, []string{full, "（二）" + full}},
		{"latin words get a space", []string{strings.Repeat("word ", 6) + "smart", "forestry.", strings.Repeat("word ", 6) + "wordy"}, []string{strings.Repeat("word ", 6) + "smart forestry.", strings.Repeat("word ", 6) + "wordy"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := rejoinPDFLines(tc.in)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestPDFPageNumbers(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("政", 20)
	out := body + "。\n\n                 - 1 -\n\f" + "  —2—\n" + body + "。\n"
	if got, want := pdfText(out), body+"。\n"+body+"。"; got != want {
		t.Errorf("pdfText = %q, want %q", got, want)
	}
}
