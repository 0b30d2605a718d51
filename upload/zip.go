package upload

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// inspectZip opens a zip-based file and reads every entry through, bounded:
// the sizes its headers claim are never trusted. It refuses too many
// entries, names that leave the archive, archives inside it, entries that
// expand too much and a total beyond lim.MaxUncompressed; then it tells the
// type by the entries present (kindZip for a plain archive).
func inspectZip(shown string, data []byte, lim Limits) (kind, error) {
	k, _, err := inspectZipAt(shown, data, lim, lim.MaxUncompressed, 0)
	return k, err
}

// inspectZipAt is inspectZip within budget bytes uncompressed, at a depth:
// an Office document may embed Office documents (a chart in Word keeps its
// workbook in word/embeddings/), inspected the same way and counted in the
// same budget; nothing deeper.
func inspectZipAt(shown string, data []byte, lim Limits, budget int64, depth int) (kind, int64, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return kind{}, 0, damaged(shown)
	}
	if len(zr.File) > lim.MaxEntries {
		return kind{}, 0, huiqi.Errorf(huiqi.EINVALID, "附件 %q 内含 %d 个文件，超过了上限 %d 个", shown, len(zr.File), lim.MaxEntries)
	}
	seen := make(map[string]bool, len(zr.File))
	var total int64
	for _, f := range zr.File {
		if err := checkEntryName(shown, f.Name, seen); err != nil {
			return kind{}, 0, err
		}
		var n int64
		if depth == 0 && embeddedOffice(f.Name) {
			n, err = readEmbedded(shown, f, lim, budget-total)
		} else {
			n, err = readEntry(shown, f, lim, budget-total)
		}
		if err != nil {
			return kind{}, 0, err
		}
		total += n
	}
	return zipKind(seen), total, nil
}

// embeddedOffice: an Office document kept inside another's embeddings
// folder (word/embeddings/Microsoft_Excel_Worksheet.xlsx).
func embeddedOffice(name string) bool {
	dir, file := path.Split(name)
	switch strings.ToLower(path.Ext(file)) {
	case ".xlsx", ".docx", ".pptx":
		return dir == "word/embeddings/" || dir == "xl/embeddings/" || dir == "ppt/embeddings/"
	}
	return false
}

// readEmbedded reads an embedded Office document, bounded as any entry,
// and inspects it: it must be an Office document itself, holding no
// archive.
func readEmbedded(shown string, f *zip.File, lim Limits, budget int64) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, damaged(shown)
	}
	defer rc.Close()
	ratioCap := max(lim.RatioMinSize, lim.MaxRatio*int64(f.CompressedSize64))
	data, err := io.ReadAll(io.LimitReader(rc, min(ratioCap, budget)+1))
	n := int64(len(data))
	switch {
	case err != nil:
		return 0, damaged(shown)
	case n > budget:
		return 0, huiqi.Errorf(huiqi.EINVALID, "附件 %q 解压后超过 %s，已拒绝（可能是压缩炸弹）", shown, mb(lim.MaxUncompressed))
	case n > ratioCap:
		return 0, huiqi.Errorf(huiqi.EINVALID, "附件 %q 内的 %q 压缩比超过 %d:1，已拒绝（可能是压缩炸弹）", shown, f.Name, lim.MaxRatio)
	}
	k, inner, err := inspectZipAt(shown, data, lim, budget-n, 1)
	if err != nil {
		return 0, err
	}
	if k.archive == "" || !strings.HasSuffix(k.archive, "/") {
		return 0, nested(shown, f.Name)
	}
	return n + inner, nil
}

// checkEntryName refuses an entry name that could write outside a folder
// it is extracted to, or that appears twice (readers disagree on which
// one counts).
func checkEntryName(shown, name string, seen map[string]bool) error {
	bad := name == "" || strings.ContainsAny(name, "\\\x00:") || strings.HasPrefix(name, "/")
	for _, part := range strings.Split(name, "/") {
		bad = bad || part == ".."
	}
	if bad {
		return huiqi.Errorf(huiqi.EINVALID, "附件 %q 内含不安全的路径 %q，已拒绝", shown, name)
	}
	if seen[name] {
		return huiqi.Errorf(huiqi.EINVALID, "附件 %q 内含重复的文件 %q，已拒绝", shown, name)
	}
	seen[name] = true
	return nil
}

// nestedExts are the extensions of archives, refused inside an archive
// whatever their content.
var nestedExts = map[string]bool{".zip": true, ".rar": true, ".7z": true, ".gz": true, ".tgz": true, ".tar": true,
	".bz2": true, ".xz": true, ".jar": true, ".docx": true, ".xlsx": true, ".pptx": true, ".docm": true, ".xlsm": true, ".ofd": true, ".cab": true}

// readEntry reads one entry through, at most budget bytes in all and at
// most lim.MaxRatio times its compressed size once past lim.RatioMinSize,
// and returns its real uncompressed size. The CRC is checked at its end.
func readEntry(shown string, f *zip.File, lim Limits, budget int64) (int64, error) {
	if nestedExts[strings.ToLower(path.Ext(f.Name))] {
		return 0, nested(shown, f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return 0, damaged(shown)
	}
	defer rc.Close()
	ratioCap := max(lim.RatioMinSize, lim.MaxRatio*int64(f.CompressedSize64))
	limit := min(ratioCap, budget)
	var head [8]byte
	h, err := io.ReadFull(rc, head[:])
	if err == nil {
		var rest int64
		rest, err = io.Copy(io.Discard, io.LimitReader(rc, limit-int64(h)+1))
		h += int(rest)
	}
	n := int64(h)
	switch {
	case err != nil && err != io.ErrUnexpectedEOF && err != io.EOF:
		return 0, damaged(shown)
	case isArchive(head[:min(h, 8)]):
		return 0, nested(shown, f.Name)
	case n > budget:
		return 0, huiqi.Errorf(huiqi.EINVALID, "附件 %q 解压后超过 %s，已拒绝（可能是压缩炸弹）", shown, mb(lim.MaxUncompressed))
	case n > ratioCap:
		return 0, huiqi.Errorf(huiqi.EINVALID, "附件 %q 内的 %q 压缩比超过 %d:1，已拒绝（可能是压缩炸弹）", shown, f.Name, lim.MaxRatio)
	}
	return n, nil
}

// isArchive tells an archive by its first bytes.
func isArchive(head []byte) bool {
	switch k := sniff(head); k.name {
	case kindZip.name, kindArchive.name:
		return true
	}
	return false
}

// zipKind tells a zip-based type by the entries it holds.
func zipKind(names map[string]bool) kind {
	for _, k := range kinds {
		if k.archive == "" {
			continue
		}
		ooxml := strings.HasSuffix(k.archive, "/")
		if ooxml && !names["[Content_Types].xml"] {
			continue
		}
		for name := range names {
			if ooxml && strings.HasPrefix(name, k.archive) || name == k.archive {
				return k
			}
		}
	}
	return kindZip
}

func damaged(shown string) error {
	return huiqi.Errorf(huiqi.EINVALID, "附件 %q 已损坏，无法打开", shown)
}

func nested(shown, entry string) error {
	return huiqi.Errorf(huiqi.EINVALID, "附件 %q 内嵌了压缩文件 %q，不接受嵌套的压缩包", shown, entry)
}
