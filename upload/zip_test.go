package upload

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestCheckArchives(t *testing.T) {
	t.Parallel()
	random := func(n int) []byte {
		b := make([]byte, n)
		r := rand.NewChaCha8([32]byte{1})
		r.Read(b)
		return b
	}
	var many []entry
	for i := range DefaultMaxEntries {
		many = append(many, entry{fmt.Sprintf("word/media/%d.xml", i), []byte("x")})
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		msg  string
	}{
		{"zip bomb of 200 MB", bombDocx(t, 200<<20), Limits{}, `"word/document.xml" 压缩比超过 100:1`},
		{"bomb under the ratio, over the total", bombDocx(t, 200<<20), Limits{MaxRatio: 1 << 20}, "解压后超过 100.0 MB"},
		{"total of ordinary entries", docxFile(t, entry{"word/media/1.bin", random(600 << 10)}, entry{"word/media/2.bin", random(600 << 10)}),
			Limits{MaxUncompressed: 1 << 20}, "解压后超过 1.0 MB"},
		{"nested zip by name", docxFile(t, entry{"word/embeddings/x.zip", []byte("hello")}), Limits{}, `内嵌了压缩文件 "word/embeddings/x.zip"`},
		{"a zip named as a workbook in docx", docxFile(t, entry{"word/embeddings/Microsoft_Excel_Worksheet.xlsx", zipFile(t, entry{"a", []byte("b")})}), Limits{}, "内嵌了压缩文件"},
		{"a zip inside a chart's workbook", docxFile(t, entry{"word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsxFile(t, entry{"xl/media/x.zip", []byte("b")})}), Limits{}, "内嵌了压缩文件"},
		{"an xlsx outside the embeddings folder", docxFile(t, entry{"word/media/book.xlsx", xlsxFile(t)}), Limits{}, "内嵌了压缩文件"},
		{"nested zip by content", docxFile(t, entry{"word/media/image1.png", zipFile(t, entry{"a", []byte("b")})}), Limits{}, `内嵌了压缩文件 "word/media/image1.png"`},
		{"too many entries", docxFile(t, many...), Limits{}, "内含 2003 个文件，超过了上限 2000 个"},
		{"parent traversal", docxFile(t, entry{"../../etc/cron.d/x", []byte("x")}), Limits{}, `不安全的路径 "../../etc/cron.d/x"`},
		{"traversal inside", docxFile(t, entry{"word/../../x", []byte("x")}), Limits{}, "不安全的路径"},
		{"absolute path", docxFile(t, entry{"/etc/passwd", []byte("x")}), Limits{}, "不安全的路径"},
		{"backslash path", docxFile(t, entry{`..\..\x.bat`, []byte("x")}), Limits{}, "不安全的路径"},
		{"drive letter", docxFile(t, entry{"C:/x.bat", []byte("x")}), Limits{}, "不安全的路径"},
		{"duplicate entry", docxFile(t, entry{"word/document.xml", []byte("<x/>")}), Limits{}, `重复的文件 "word/document.xml"`},
		{"damaged", docxFile(t)[:200], Limits{}, "已损坏"},
		{"header lies about the size", lyingZip(t, 50<<20, 100), Limits{}, "已损坏"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Check("申报书.docx", tc.data, tc.lim)
			if huiqi.ErrorCode(err) != huiqi.EINVALID || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("Check = %v (%s), want invalid containing %q", err, huiqi.ErrorCode(err), tc.msg)
			}
			if !strings.Contains(err.Error(), `附件 "申报书.docx"`) {
				t.Errorf("%v: does not name the file", err)
			}
		})
	}
}

// TestBombSize checks what the bomb test is made of: a file well under
// the size limit holding a 200 MB entry.
func TestBombSize(t *testing.T) {
	b := bombDocx(t, 200<<20)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	last := zr.File[len(zr.File)-1]
	if len(b) > 1<<20 || last.UncompressedSize64 != 200<<20 {
		t.Fatalf("bomb: %d bytes holding %d", len(b), last.UncompressedSize64)
	}
}

// lyingZip is a DOCX whose document part holds size zero bytes while its
// headers claim claimed bytes.
func lyingZip(t *testing.T, size int, claimed uint64) []byte {
	t.Helper()
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	zeros := make([]byte, size)
	fw.Write(zeros)
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range ooxmlEntries("word", "styles.xml") {
		w, _ := zw.Create(e.name)
		w.Write(e.data)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(zeros), CompressedSize64: uint64(raw.Len()), UncompressedSize64: claimed})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
