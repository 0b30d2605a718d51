package decode

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// zj17Sentence is a sentence of corpus document zj17 that every copy of it
// must decode to, whatever its encoding or container.
const zj17Sentence = "第三条对首次纳入统计直报系统的限额以上电子商务企业，给予一次性5万元奖励。"

func TestFileFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, format, encoding string
		want                   []string // lines or sentences the text must contain
		absent                 []string // chrome the text must not contain
	}{
		{file: "zj17_utf8.txt", format: "txt", encoding: "utf-8", want: []string{zj17Sentence}},
		{file: "zj17_utf8_bom.txt", format: "txt", encoding: "utf-8-bom", want: []string{zj17Sentence}, absent: []string{"\ufeff"}},
		{file: "zj17_gbk.txt", format: "txt", encoding: "gb18030", want: []string{zj17Sentence}},
		{file: "zj17_utf16le_bom.txt", format: "txt", encoding: "utf-16le", want: []string{zj17Sentence}},
		{file: "zj17_utf16le_nobom.txt", format: "txt", encoding: "utf-16le", want: []string{zj17Sentence}},
		{file: "zj17_utf16be_bom.txt", format: "txt", encoding: "utf-16be", want: []string{zj17Sentence}},
		{file: "zj17_utf16be_nobom.txt", format: "txt", encoding: "utf-16be", want: []string{zj17Sentence}},
		{file: "seed001_big5.txt", format: "txt", encoding: "big5", want: []string{"成都市科學技術局\n"}},
		{file: "seed001_gbk.txt", format: "txt", encoding: "gb18030", want: []string{"成都市科學技術局\n"}},
		{file: "seed001_traditional.txt", format: "txt", encoding: "utf-8", want: []string{"成都市科學技術局\n"}},
		{
			file: "zj17_portal_gbk.html", format: "html", encoding: "gb18030",
			want: []string{zj17Sentence, "\n第一条加快电子商务产业园区（楼宇）建设。\n", "临海市人民政府办公室2020年12月28日印发"},
			absent: []string{"在线咨询", "当前位置", "首页", "分享到", "打印", "关闭窗口", "浙ICP备", "网站标识码",
				"相关链接", "我的企业", "发布日期", "索引号", "浏览次数", "字体", "_hmt", "政策计算器", "font-size", "欢迎访问"},
		},
		{
			// table layout, promotion boxes without class names, and a
			// charset=gb2312 declaration on a page saved as UTF-8
			file: "seed000_portal_mislabeled.html", format: "html", encoding: "utf-8",
			want: []string{"中共成都市青羊区委关于坚持科技创新引领突出融合发展特色赋能产业高质量发展的实施意见\n中共成都市青羊区委\n",
				"\n一、总体要求\n", "\n(一)建强科技创新体系,打造产业高质量发展新优势\n", "全面落实企业诉求专职专岗“接诉即办”"},
			absent: []string{"在线咨询", "政策查询", "我的企业", "发布日期", "来源", "类型", "A+", "A-", "附件下载", "我要申报", "验证码", "版权所有", "ICP", "首页"},
		},
		{
			file: "zj430.docx", format: "docx", encoding: "utf-8",
			want: []string{"\n一、我市上市公司成功并购", "\n（二）出资额在5000万元以上的：\n1.不足1亿元", "\n2.达到1亿元以上",
				"\n并购方出资额 奖励金额\n3000万元至5000万元 75万元\n", "\n十、企业第一大股东"},
		},
		{
			file: "zj430.md", format: "md", encoding: "utf-8",
			want: []string{"瑞安市人民政府关于鼓励企业并购重组进军资本市场的实施意见\n瑞政发〔2018〕46号\n", "省“凤凰行动”计划", "实施并购重组做大做强",
				"\n出资额 奖励\n", "\n以上奖励以地方财政贡献为限。\n", "\n1. 拟上市企业", "给予奖励200万元。"},
			absent: []string{"#", "**", "](", "|", "`", "---", "source:", "> "},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			docs, err := File(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			d := docs[0]
			checkDocument(t, d, tc.format, tc.encoding)
			for _, w := range tc.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("text lacks %q; text starts:\n%s", w, head(d.Text, 600))
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(d.Text, a) {
					t.Errorf("text contains chrome %q", a)
				}
			}
		})
	}
}

// checkDocument asserts what every decoded document must satisfy.
func checkDocument(t *testing.T, d huiqi.Document, format, encoding string) {
	t.Helper()
	if d.Source.Format != format || d.Source.Encoding != encoding {
		t.Errorf("format, encoding = %q, %q; want %q, %q", d.Source.Format, d.Source.Encoding, format, encoding)
	}
	if strings.ContainsRune(d.Text, '\uFFFD') {
		t.Error("text contains U+FFFD")
	}
	if strings.Contains(d.Text, "\r") {
		t.Error("text contains \\r")
	}
	sum := sha256.Sum256(d.Raw)
	if d.Source.SHA256 != hex.EncodeToString(sum[:]) || d.Source.Size != int64(len(d.Raw)) {
		t.Errorf("SHA256/Size do not describe Raw")
	}
	if d.Source.FileName != filepath.Base(strings.Split(d.Name, "#")[0]) {
		t.Errorf("FileName %q does not match Name %q", d.Source.FileName, d.Name)
	}
}

func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func TestEncodingsAgree(t *testing.T) {
	t.Parallel()
	want, err := File("testdata/zj17_utf8.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"zj17_gbk.txt", "zj17_utf8_bom.txt", "zj17_utf16le_bom.txt", "zj17_utf16le_nobom.txt", "zj17_utf16be_bom.txt", "zj17_utf16be_nobom.txt"} {
		got, err := File(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Text != want[0].Text {
			t.Errorf("%s decodes to a different text than the UTF-8 copy", f)
		}
	}
	orig, _ := os.ReadFile("testdata/seed001_traditional.txt")
	for _, f := range []string{"seed001_big5.txt", "seed001_gbk.txt"} {
		got, err := File(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Text != normalize(string(orig)) {
			t.Errorf("%s decodes to a different text than the UTF-8 copy of seed 001", f)
		}
	}
}

func TestHTMLHints(t *testing.T) {
	t.Parallel()
	docs, err := File("testdata/zj17_portal_gbk.html")
	if err != nil {
		t.Fatal(err)
	}
	got := docs[0].Hints
	want := huiqi.Hints{
		Title:       "临海市人民政府办公室关于印发《临海市促进电子商务高质量发展扶持办法》的通知",
		Issuer:      "临海市人民政府办公室",
		PublishedOn: huiqi.Date{Year: 2020, Month: 12, Day: 30},
		IssuedOn:    huiqi.Date{Year: 2020, Month: 12, Day: 28},
		URL:         "http://www.linhai.gov.cn/art/2020/12/30/art_1229514326_3689601.html",
		DocNumber:   "临政办发〔2020〕98号",
	}
	if got != want {
		t.Errorf("hints\n got %+v\nwant %+v", got, want)
	}
	if !strings.HasPrefix(docs[0].Text, want.Title+"\n") {
		t.Errorf("text does not start with the article heading: %q", head(docs[0].Text, 200))
	}
}

func TestMarkdownTitle(t *testing.T) {
	t.Parallel()
	docs, err := File("testdata/zj430.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := "瑞安市人民政府关于鼓励企业并购重组进军资本市场的实施意见"; docs[0].Hints.Title != want {
		t.Errorf("title %q, want %q", docs[0].Hints.Title, want)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file string
		data       []byte // used instead of file when set
		code       string
		msg        []string
	}{
		{name: "doc", file: "testdata/zj430.doc", code: huiqi.EUNSUPPORTED, msg: []string{"zj430.doc", ".doc (Word 97–2003)", "libreoffice --headless --convert-to docx"}},
		{name: "doc named docx", file: "x.docx", data: mustRead(t, "testdata/zj430.doc"), code: huiqi.EUNSUPPORTED, msg: []string{"Word 97–2003"}},
		{name: "wps", file: "a.wps", data: []byte("x"), code: huiqi.EUNSUPPORTED, msg: []string{".wps"}},
		{name: "ofd", file: "a.OFD", data: []byte("x"), code: huiqi.EUNSUPPORTED, msg: []string{".ofd", "PDF"}},
		{name: "unknown", file: "a.xyz", data: []byte("x"), code: huiqi.EUNSUPPORTED, msg: []string{".xyz", ".docx", ".pdf"}},
		{name: "no extension", file: "README", data: []byte("x"), code: huiqi.EUNSUPPORTED, msg: []string{"no file extension"}},
		{name: "empty", file: "e.txt", data: []byte{}, code: huiqi.EINVALID, msg: []string{"e.txt", "no text"}},
		{name: "whitespace", file: "w.txt", data: []byte(" \r\n\t\u3000\n"), code: huiqi.EINVALID, msg: []string{"no text"}},
		{name: "undecodable", file: "bad.txt", data: []byte("政策\xff\xfe\xfd文本"), code: huiqi.EINVALID, msg: []string{"bad.txt", "offset 6"}},
		{name: "damaged utf-8", file: "d.txt", data: damaged(t), code: huiqi.EINVALID, msg: []string{"d.txt", "UTF-8", "offset 300"}},
		{name: "bad utf-8 after bom", file: "bom.txt", data: []byte("\xef\xbb\xbfab\xffc"), code: huiqi.EINVALID, msg: []string{"offset 5"}},
		{name: "not a docx", file: "n.docx", data: []byte("plain text"), code: huiqi.EINVALID, msg: []string{"n.docx", "zip"}},
		{name: "not a pdf", file: "n.pdf", data: []byte("plain text"), code: huiqi.EINVALID, msg: []string{"n.pdf", "%PDF-"}},
		{name: "missing file", file: "testdata/none.txt", code: huiqi.EINVALID, msg: []string{"none.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.data != nil {
				_, err = Bytes(tc.file, tc.data)
			} else {
				_, err = File(tc.file)
			}
			if huiqi.ErrorCode(err) != tc.code {
				t.Fatalf("error %v (code %q), want code %q", err, huiqi.ErrorCode(err), tc.code)
			}
			for _, m := range tc.msg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q lacks %q", err, m)
				}
			}
		})
	}
}

func TestSupported(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"a.txt": true, "A.HTML": true, "b.htm": true, "c.docx": true, "d.pdf": true, "e.md": true,
		"f.jsonl": true, "g.doc": true, "h.wps": true, "i.ofd": true, "j.go": false, "k": false, "l.exe": false,
	} {
		if got := Supported(name); got != want {
			t.Errorf("Supported(%q) = %v, want %v", name, got, want)
		}
	}
}

// damaged is the UTF-8 copy of zj17 with byte 301, the second byte of the
// character at 300, overwritten: the sequence at 300 becomes invalid.
func damaged(t testing.TB) []byte {
	b := mustRead(t, "testdata/zj17_utf8.txt")
	b[301] = 0xFF
	return b
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// needPdftotext skips a test when poppler-utils is absent, except under CI,
// where a missing pdftotext is a broken build environment.
func needPdftotext(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is not installed")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
}
