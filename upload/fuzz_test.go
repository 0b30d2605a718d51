package upload

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func FuzzSanitizeName(f *testing.F) {
	for _, s := range []string{"申报书.pdf", "../../etc/passwd", `C:\a\b.docx`, "CON.pdf", "a\u202Efdp.exe", ". .", strings.Repeat("长", 120) + ".xlsx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		name := SanitizeName(in)
		checkName(t, in, name)
		if again := SanitizeName(name); again != name {
			t.Fatalf("SanitizeName(%q) = %q, then %q", in, name, again)
		}
	})
}

func FuzzCheck(f *testing.F) {
	f.Add("报告.pdf", pdfFile())
	f.Add("图.png", pngFile(f, 4, 4))
	f.Add("照片.jpg", jpegFile(f))
	f.Add("材料.docx", docxFile(f))
	f.Add("表.xlsx", xlsxFile(f))
	f.Add("发票.ofd", ofdFile(f))
	f.Add("材料.docx", docxFile(f, entry{"../x", []byte("x")}))
	f.Add("", []byte("MZ"))
	lim := Limits{MaxSize: 1 << 20, MaxUncompressed: 4 << 20, MaxEntries: 50}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		file, err := Check(name, data, lim)
		if err != nil {
			if c := huiqi.ErrorCode(err); c != huiqi.EINVALID && c != huiqi.EUNSUPPORTED {
				t.Fatalf("Check(%q): %v (%s)", name, err, c)
			}
			return
		}
		checkName(t, name, file.Name)
		k, ok := kindByExt(extOf(file.Name))
		sum := sha256.Sum256(data)
		if !ok || k.mime != file.ContentType || !slices.Contains(DefaultTypes, k.name) ||
			file.Size != int64(len(data)) || file.SHA256 != hex.EncodeToString(sum[:]) {
			t.Fatalf("Check(%q) = %+v", name, file)
		}
	})
}
