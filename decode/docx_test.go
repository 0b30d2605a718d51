package decode

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeDocx builds a .docx in memory from its XML parts.
func makeDocx(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(props, text string) string {
	return `<w:p><w:pPr>` + props + `<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func numPr(numID, ilvl string) string {
	return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
}

// TestDocxNumbering covers numbering through a paragraph style (第一章, as
// Word's heading styles do), a restarted list (startOverride), levels, and
// content that must not appear: deleted runs and AlternateContent fallbacks.
func TestDocxNumbering(t *testing.T) {
	t.Parallel()
	numbering := `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`
	styles := `<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ChapterTitle"><w:basedOn w:val="Heading1"/></w:style>
</w:styles>`
	doc := `<w:document ` + wNS + `><w:body>` +
		para(`<w:pStyle w:val="Heading1"/>`, "总则") +
		para(numPr("2", "0"), "支持方向") +
		para(numPr("2", "1"), "研发投入") +
		para(numPr("2", "2"), "按研发费用给予补助") +
		para(numPr("2", "2"), "最高100万元") +
		para(numPr("2", "1"), "平台建设") +
		para(numPr("2", "0"), "申报程序") +
		para(`<w:pStyle w:val="ChapterTitle"/>`, "附则") +
		para(numPr("3", "0"), "新列表重新编号") +
		para(numPr("4", "0"), "项目符号不编号") +
		`<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del>` +
		`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback></mc:AlternateContent></w:r>` +
		`<w:r><w:tab/><w:t>内容</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	data := makeDocx(t, map[string]string{"word/document.xml": doc, "word/numbering.xml": numbering, "word/styles.xml": styles})
	docs, err := Bytes("n.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"第一章 总则",
		"一、支持方向",
		"（一）研发投入",
		"1.按研发费用给予补助",
		"2.最高100万元",
		"（二）平台建设",
		"二、申报程序",
		"第二章 附则",
		"一、新列表重新编号",
		"项目符号不编号",
		"保留文本框\t内容",
	}, "\n")
	if docs[0].Text != want {
		t.Errorf("text\n%s\nwant\n%s", docs[0].Text, want)
	}
}

// TestDocxMainPart finds a body not named word/document.xml through
// _rels/.rels, with its numbering beside it.
func TestDocxMainPart(t *testing.T) {
	t.Parallel()
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	doc := `<w:document ` + wNS + `><w:body>` + para(numPr("1", "0"), "第三项") + `</w:body></w:document>`
	data := makeDocx(t, map[string]string{"_rels/.rels": rels, "word/document2.xml": doc, "word/numbering.xml": numbering})
	docs, err := Bytes("m.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Text != "3.第三项" {
		t.Errorf("text %q, want %q", docs[0].Text, "3.第三项")
	}
}
