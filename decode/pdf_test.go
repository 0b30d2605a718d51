package decode

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

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

// row is a pdfLine of n Chinese characters of 20 pt from x0 on a page
// whose text runs from 50 to 530 pt, at line y.
func row(g *pdfGeometry, y int, x0 float64, text string) pdfLine {
	n := float64(utf8.RuneCountInString(text))
	return pdfLine{text: text, x0: x0, x1: x0 + 20*n, y0: float64(y) * 24, y1: float64(y)*24 + 20, page: g}
}

func TestRejoinPDFLines(t *testing.T) {
	t.Parallel()
	g := &pdfGeometry{left: 50, right: 530, em: 20}
	full := strings.Repeat("资", 24) // 480 pt: the full text width
	tests := []struct {
		name string
		in   []pdfLine
		want []string
	}{
		{"wrapped between characters", []pdfLine{row(g, 0, 50, full[:len(full)-3]+"资"), row(g, 1, 50, "金补助。")},
			[]string{full[:len(full)-3] + "资金补助。"}},
		{"sentence end keeps break", []pdfLine{row(g, 0, 50, full[:len(full)-3]+"。"), row(g, 1, 50, full)},
			[]string{full[:len(full)-3] + "。", full}},
		{"short line keeps break", []pdfLine{row(g, 0, 50, "第一章"), row(g, 1, 50, full)}, []string{"第一章", full}},
		{"indented next line is a paragraph", []pdfLine{row(g, 0, 50, full), row(g, 1, 90, full[:len(full)-6])},
			[]string{full, full[:len(full)-6]}},
		{"blank line is a paragraph break", []pdfLine{row(g, 0, 50, full), row(g, 2, 50, full)}, []string{full, full}},
		{"clause label starts a paragraph", []pdfLine{row(g, 0, 50, full), row(g, 1, 50, "（二）资金")},
			[]string{full, "（二）资金"}},
		{"centred title wraps", []pdfLine{row(g, 0, 80, strings.Repeat("题", 21)), row(g, 1, 270, "意见")},
			[]string{strings.Repeat("题", 21) + "意见"}},
		{"table row stays", []pdfLine{{text: "项目" + cellSep + "金额", x0: 50, x1: 530, y1: 20, table: true, page: g}, row(g, 1, 50, full)},
			[]string{"项目" + cellSep + "金额", full}},
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

func TestPDFBBox(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("政", 24)
	word := func(x0, y0, x1 float64, text string) string {
		return fmt.Sprintf(`<line xMin="%[1]g" yMin="%[2]g" xMax="%[3]g" yMax="%[4]g"><word xMin="%[1]g" yMin="%[2]g" xMax="%[3]g" yMax="%[4]g">%[5]s</word></line>`, x0, y0, x1, y0+20, text)
	}
	page := func(lines ...string) string {
		return `<page width="595" height="842"><flow><block>` + strings.Join(lines, "") + `</block></flow></page>`
	}
	xhtml := `<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>关于支持企业发展的若干措施</title></head><body><doc>` +
		page(word(50, 100, 530, body), word(50, 124, 110, "补助。"), word(50, 148, 150, "项目名称"), word(350, 148, 430, "补助金额"), word(280, 800, 300, "- 1 -")) +
		page(word(280, 40, 300, "2"), word(50, 100, 250, "第2页正文&amp;结束。")) +
		`</doc></body></html>`
	doc, err := parseBBox(strings.NewReader(xhtml))
	if err != nil {
		t.Fatal(err)
	}
	if doc.title != "关于支持企业发展的若干措施" || pdfTitle("Microsoft Word - 关于支持企业发展的若干措施.doc") != doc.title {
		t.Errorf("title %q", doc.title)
	}
	pages := doc.pages
	want := body + "补助。\n项目名称 补助金额\n第2页正文&结束。"
	if got := pdfText(pages); got != want {
		t.Errorf("pdfText = %q, want %q", got, want)
	}
}

// TestPDFRoundTrip checks PDFs that LibreOffice printed from known texts
// (zj16 with 两字缩进 paragraphs, a centred title block and page numbers;
// zj430 from the .docx fixture) decode back to exactly those texts.
func TestPDFRoundTrip(t *testing.T) {
	t.Parallel()
	needPdftotext(t)
	tests := []struct{ pdf, want string }{
		{"testdata/zj16.pdf", normalize(string(mustRead(t, "testdata/zj16.txt")))},
		{"testdata/zj430.pdf", decodedText(t, "testdata/zj430.docx")},
	}
	for _, tc := range tests {
		got := decodedText(t, tc.pdf)
		if got == tc.want {
			continue
		}
		gl, wl := strings.Split(got, "\n"), strings.Split(tc.want, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("%s: line %d\n got %q\nwant %q", tc.pdf, i+1, gl[i], wl[i])
				break
			}
		}
		if len(gl) != len(wl) {
			t.Errorf("%s: %d lines, want %d", tc.pdf, len(gl), len(wl))
		}
	}
}

func decodedText(t *testing.T, path string) string {
	t.Helper()
	docs, err := File(path)
	if err != nil {
		t.Fatal(err)
	}
	return docs[0].Text
}

func TestGarbled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want bool
	}{
		{"对认定的高新技术企业给予一次性奖励。\n第二条 Article 2", false},
		{"\ue001\ue002\ue003 \ue004对\ue005\ue006", true},
		{"\x01\x02\x03\x04abc", true},
	}
	for _, tc := range tests {
		if got := garbled(tc.text); got != tc.want {
			t.Errorf("garbled(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
