// Package upload checks the files enterprises attach to applications before
// they are stored: the size, the type read from the content (never from the
// name alone), the name's extension agreeing with it, the inside of Office
// archives (zip bombs, nested archives, path traversal), and a name that is
// safe to show and to save on any system.
package upload

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// File is a checked attachment: its fields fill a huiqi.Attachment.
type File struct {
	// Name is the sanitised name, its extension one of its type's.
	Name string `json:"name"`
	// ContentType is the MIME type read from the content.
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	// SHA256 is the hex digest of the content.
	SHA256 string `json:"sha256"`
}

// Check checks one attached file named name with content data against lim
// (zero fields take the defaults) and returns what to store. Errors are
// huiqi errors naming the file: EUNSUPPORTED for a type that is not
// accepted, EINVALID for content that does not match its name, is damaged,
// too large, or an archive that could harm the server.
func Check(name string, data []byte, lim Limits) (File, error) {
	lim = lim.withDefaults()
	clean := SanitizeName(name)
	shown := clean
	if strings.TrimSpace(name) == "" {
		shown = "附件"
	}
	if len(data) == 0 {
		return File{}, huiqi.Errorf(huiqi.EINVALID, "附件 %q 是空文件", shown)
	}
	if int64(len(data)) > lim.MaxSize {
		return File{}, huiqi.Errorf(huiqi.EINVALID, "附件 %q 有 %s，超过了单个文件 %s 的上限", shown, mb(int64(len(data))), mb(lim.MaxSize))
	}
	k, err := checkContent(shown, extOf(clean), data, lim)
	if err != nil {
		return File{}, err
	}
	if extOf(clean) == "" {
		clean += "." + k.exts[0]
	}
	sum := sha256.Sum256(data)
	return File{Name: clean, ContentType: k.mime, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}

// checkContent finds the type the extension claims (or, without one, the
// content's), refuses a type lim does not allow, and checks that the
// content is of that type throughout.
func checkContent(shown, ext string, data []byte, lim Limits) (kind, error) {
	want, ok := kindByExt(ext)
	if ext != "" && (!ok || !lim.allows(want)) {
		return kind{}, unsupported(shown, ext, lim)
	}
	got := sniff(data)
	if got.name == "zip" && (ext == "" || want.archive != "") {
		z, err := inspectZip(shown, data, lim)
		if err != nil {
			return kind{}, err
		}
		got = z
	}
	if ext == "" {
		if want = got; !lim.allows(want) {
			return kind{}, unsupported(shown, "", lim)
		}
	}
	if got.name != want.name {
		return kind{}, huiqi.Errorf(huiqi.EINVALID, "附件 %q 的内容不是 %s（实际是 %s）", shown, want.label, got.label)
	}
	if err := got.check(shown, data, lim); err != nil {
		return kind{}, err
	}
	return got, nil
}

// unsupported is the error for a type lim does not accept.
func unsupported(shown, ext string, lim Limits) error {
	what := "这种类型的文件"
	if ext != "" {
		what = " ." + strings.ToLower(ext) + " 文件"
	}
	return huiqi.Errorf(huiqi.EUNSUPPORTED, "附件 %q：不接受%s，请上传 %s", shown, what, lim.typeList())
}
