package upload

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// kind is a type of file. The accepted ones have a check; the others are
// named only so that a refusal can say what a file really is.
type kind struct {
	name  string   // as in Limits.Types
	label string   // for messages: "PDF 文件"
	mime  string   // the Content-Type stored and served
	exts  []string // lower case, the first added to a name without one
	// archive marks a zip-based type: the entry every file of the type
	// has, or the folder its content lives in.
	archive string
	check   func(shown string, data []byte, lim Limits) error
}

// kinds are the accepted types.
var kinds = []kind{
	{name: "pdf", label: "PDF 文件", mime: "application/pdf", exts: []string{"pdf"}, check: checkPDF},
	{name: "png", label: "PNG 图片", mime: "image/png", exts: []string{"png"}, check: checkImage(png.DecodeConfig, "IEND")},
	{name: "jpeg", label: "JPEG 图片", mime: "image/jpeg", exts: []string{"jpg", "jpeg"}, check: checkImage(jpeg.DecodeConfig, "")},
	{name: "docx", label: "Word 文档（DOCX）", exts: []string{"docx"}, archive: "word/", check: checkNothing,
		mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{name: "xlsx", label: "Excel 表格（XLSX）", exts: []string{"xlsx"}, archive: "xl/", check: checkNothing,
		mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{name: "pptx", label: "PowerPoint 演示文稿（PPTX）", exts: []string{"pptx"}, archive: "ppt/", check: checkNothing,
		mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
	{name: "ofd", label: "OFD 版式文件", mime: "application/ofd", exts: []string{"ofd"}, archive: "OFD.xml", check: checkNothing},
}

// Kinds named in refusals only.
var (
	kindZip     = kind{name: "zip", label: "ZIP 压缩包", exts: []string{"zip"}}
	kindArchive = kind{name: "archive", label: "压缩包"}
	kindProgram = kind{name: "program", label: "可执行程序"}
	kindOldDoc  = kind{name: "ole", label: "旧版 Office 文件（DOC/XLS/PPT），请另存为 DOCX 或 XLSX"}
	kindOther   = kind{name: "other", label: "其他类型的文件"}
)

// kindByExt returns the type an extension names.
func kindByExt(ext string) (kind, bool) {
	ext = strings.ToLower(ext)
	for _, k := range append(kinds[:len(kinds):len(kinds)], kindZip) {
		if slices.Contains(k.exts, ext) {
			return k, true
		}
	}
	return kind{}, false
}

// magic numbers net/http.DetectContentType does not know.
var magics = []struct {
	prefix string
	kind   kind
}{
	{"MZ", kindProgram},                                                                                 // Windows .exe, .dll
	{"\x7fELF", kindProgram},                                                                            // Linux
	{"\xfe\xed\xfa", kindProgram}, {"\xcf\xfa\xed\xfe", kindProgram}, {"\xca\xfe\xba\xbe", kindProgram}, // Mach-O
	{"#!", kindProgram}, // scripts
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", kindOldDoc},
	{"7z\xbc\xaf\x27\x1c", kindArchive},
	{"\xfd7zXZ\x00", kindArchive},
	{"BZh", kindArchive},
	{"PK\x05\x06", kindZip}, // an empty zip
}

// sniff tells the type of data from its first bytes.
func sniff(data []byte) kind {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	switch ct := http.DetectContentType(data); ct {
	case "application/pdf":
		return kinds[0]
	case "image/png":
		return kinds[1]
	case "image/jpeg":
		return kinds[2]
	case "application/zip":
		return kindZip
	case "application/x-gzip", "application/x-rar-compressed":
		return kindArchive
	default:
		if typ, _, _ := strings.Cut(ct, "/"); typ == "image" {
			return kind{name: ct, label: strings.ToUpper(strings.TrimPrefix(ct, "image/")) + " 图片"}
		}
		return kindOther
	}
}

// checkPDF refuses a PDF cut short: a whole one ends with %%EOF (then
// perhaps a line end), which an interrupted upload lacks.
func checkPDF(shown string, data []byte, _ Limits) error {
	tail := data[max(0, len(data)-1024):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return huiqi.Errorf(huiqi.EINVALID, "附件 %q 不是完整的 PDF 文件（缺少文件结尾，可能上传时中断或文件已损坏）", shown)
	}
	return nil
}

// checkImage reads an image's header: it must parse, and its size must be
// within lim.MaxPixels; the end marker, when the format has one, must be
// in the last bytes (a JPEG may carry data after its own end).
func checkImage(config func(io.Reader) (image.Config, error), end string) func(string, []byte, Limits) error {
	return func(shown string, data []byte, lim Limits) error {
		c, err := config(bytes.NewReader(data))
		if err == nil && !bytes.Contains(data[max(0, len(data)-64):], []byte(end)) {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return huiqi.Errorf(huiqi.EINVALID, "附件 %q 的图片已损坏，无法读取", shown)
		}
		if int64(c.Width)*int64(c.Height) > lim.MaxPixels {
			return huiqi.Errorf(huiqi.EINVALID, "附件 %q 的图片有 %d×%d 像素，超过了上限 %d 万像素", shown, c.Width, c.Height, lim.MaxPixels/10000)
		}
		return nil
	}
}

// checkNothing is the check of archive types: inspectZip did it.
func checkNothing(string, []byte, Limits) error { return nil }
