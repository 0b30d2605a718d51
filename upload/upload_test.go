package upload

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	pdf, png, jpg, docx, xlsx := pdfFile(), pngFile(t, 32, 24), jpegFile(t), docxFile(t), xlsxFile(t)
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), bytes.Repeat([]byte{0}, 200)...)
	ole := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), bytes.Repeat([]byte{0}, 504)...)
	plainZip := zipFile(t, entry{"a.txt", []byte("说明")})
	tests := []struct {
		name     string
		file     string
		data     []byte
		lim      Limits
		wantName string
		wantType string
		code     string
		msg      string
	}{
		{name: "pdf", file: "申报书.pdf", data: pdf, wantName: "申报书.pdf", wantType: "application/pdf"},
		{name: "pdf upper-case extension", file: "申报书.PDF", data: pdf, wantName: "申报书.PDF", wantType: "application/pdf"},
		{name: "png", file: "营业执照.png", data: png, wantName: "营业执照.png", wantType: "image/png"},
		{name: "jpeg as .jpg", file: "照片.JPG", data: jpg, wantName: "照片.JPG", wantType: "image/jpeg"},
		{name: "jpeg as .jpeg", file: "照片.jpeg", data: jpg, wantName: "照片.jpeg", wantType: "image/jpeg"},
		{name: "docx", file: "可行性报告.docx", data: docx, wantName: "可行性报告.docx", wantType: kinds[3].mime},
		{name: "docx with a chart's workbook", file: "图表.docx", data: docxFile(t, entry{"word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsxFile(t)}), wantName: "图表.docx", wantType: kinds[3].mime},
		{name: "xlsx", file: "财务报表.xlsx", data: xlsx, wantName: "财务报表.xlsx", wantType: kinds[4].mime},
		{name: "ofd", file: "发票.ofd", data: ofdFile(t), wantName: "发票.ofd", wantType: "application/ofd"},
		{name: "pptx only when allowed", file: "路演.pptx", data: pptxFile(t), lim: Limits{Types: []string{"pptx"}},
			wantName: "路演.pptx", wantType: kinds[5].mime},
		{name: "no extension takes the content's", file: "审计报告", data: pdf, wantName: "审计报告.pdf", wantType: "application/pdf"},
		{name: "docx without extension", file: "材料", data: docx, wantName: "材料.docx", wantType: kinds[3].mime},
		{name: "empty name", file: "", data: png, wantName: "附件.png", wantType: "image/png"},
		{name: "path traversal name", file: "../../etc/cron.d/报告.pdf", data: pdf, wantName: "报告.pdf", wantType: "application/pdf"},
		{name: "windows path name", file: `C:\Users\张三\Desktop\报告.pdf`, data: pdf, wantName: "报告.pdf", wantType: "application/pdf"},

		{name: "png named pdf", file: "报告.pdf", data: png, code: huiqi.EINVALID, msg: `附件 "报告.pdf" 的内容不是 PDF 文件（实际是 PNG 图片）`},
		{name: "exe named pdf", file: "报告.pdf", data: exe, code: huiqi.EINVALID, msg: `附件 "报告.pdf" 的内容不是 PDF 文件（实际是 可执行程序）`},
		{name: "exe", file: "setup.exe", data: exe, code: huiqi.EUNSUPPORTED, msg: `附件 "setup.exe"：不接受 .exe 文件，请上传 PDF、PNG、JPG、DOCX、XLSX 或 OFD 文件`},
		{name: "exe without extension", file: "setup", data: exe, code: huiqi.EUNSUPPORTED, msg: "不接受这种类型的文件"},
		{name: "zip", file: "材料.zip", data: plainZip, code: huiqi.EUNSUPPORTED, msg: "不接受 .zip 文件"},
		{name: "zip named docx", file: "材料.docx", data: plainZip, code: huiqi.EINVALID, msg: "不是 Word 文档（DOCX）（实际是 ZIP 压缩包）"},
		{name: "xlsx named docx", file: "材料.docx", data: xlsx, code: huiqi.EINVALID, msg: "实际是 Excel 表格（XLSX）"},
		{name: "old doc named docx", file: "材料.docx", data: ole, code: huiqi.EINVALID, msg: "旧版 Office 文件"},
		{name: "old doc", file: "材料.doc", data: ole, code: huiqi.EUNSUPPORTED, msg: "不接受 .doc 文件"},
		{name: "pptx not allowed by default", file: "路演.pptx", data: pptxFile(t), code: huiqi.EUNSUPPORTED},
		{name: "pdf not allowed", file: "a.pdf", data: pdf, lim: Limits{Types: []string{"png"}}, code: huiqi.EUNSUPPORTED, msg: "请上传 PNG 文件"},
		{name: "truncated pdf", file: "报告.pdf", data: pdf[:len(pdf)/2], code: huiqi.EINVALID, msg: "不是完整的 PDF 文件"},
		{name: "damaged png", file: "图.png", data: png[:40], code: huiqi.EINVALID, msg: "图片已损坏"},
		{name: "too many pixels", file: "图.png", data: png, lim: Limits{MaxPixels: 100}, code: huiqi.EINVALID, msg: "32×24 像素"},
		{name: "empty file", file: "报告.pdf", data: nil, code: huiqi.EINVALID, msg: `附件 "报告.pdf" 是空文件`},
		{name: "oversize", file: "报告.pdf", data: pdf, lim: Limits{MaxSize: 100}, code: huiqi.EINVALID, msg: "超过了单个文件 1 KB 的上限"},
		{name: "html named pdf", file: "报告.pdf", data: []byte("<html><body>x</body></html>"), code: huiqi.EINVALID, msg: "其他类型的文件"},
		{name: "gif named png", file: "图.png", data: []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), code: huiqi.EINVALID, msg: "实际是 GIF 图片"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Check(tc.file, tc.data, tc.lim)
			if tc.code != "" {
				if huiqi.ErrorCode(err) != tc.code || !strings.Contains(huiqi.ErrorMessage(err), tc.msg) {
					t.Fatalf("Check(%q) = %+v, %v (%s); want %s containing %q", tc.file, f, err, huiqi.ErrorCode(err), tc.code, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Check(%q): %v", tc.file, err)
			}
			sum := sha256.Sum256(tc.data)
			want := File{Name: tc.wantName, ContentType: tc.wantType, Size: int64(len(tc.data)), SHA256: hex.EncodeToString(sum[:])}
			if f != want {
				t.Errorf("Check(%q) = %+v, want %+v", tc.file, f, want)
			}
		})
	}
}

// TestCheckDefaultSize checks the default limit: 20 MB passes, a byte more
// does not.
func TestCheckDefaultSize(t *testing.T) {
	pdfOf := func(size int) []byte {
		b := make([]byte, size)
		copy(b, pdfFile())
		copy(b[size-7:], "\n%%EOF\n")
		return b
	}
	if _, err := Check("大文件.pdf", pdfOf(DefaultMaxSize), Limits{}); err != nil {
		t.Fatalf("20 MB PDF: %v", err)
	}
	_, err := Check("大文件.pdf", pdfOf(DefaultMaxSize+1), Limits{})
	if huiqi.ErrorCode(err) != huiqi.EINVALID || !strings.Contains(err.Error(), "20.0 MB 的上限") {
		t.Fatalf("20 MB + 1: %v", err)
	}
}

func TestMaxBody(t *testing.T) {
	var l Limits
	if got := l.MaxBody(1); got <= DefaultMaxSize || got > DefaultMaxSize+1<<20 {
		t.Errorf("MaxBody(1) = %d, want a little over %d", got, DefaultMaxSize)
	}
	if got := (Limits{MaxSize: 1 << 20}).MaxBody(3); got <= 3<<20 || got > 4<<20 {
		t.Errorf("MaxBody(3) of 1 MB files = %d", got)
	}
}
