package decode

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// maxDocxPart caps how much of one zip member decode reads: a 20 MB
// document.xml is already a very large document; more is a zip bomb.
const maxDocxPart = 64 << 20

// decodeDocx reads a Word .docx: paragraphs become lines, table rows become
// lines of cells joined by a space, and Word's automatic numbering (一、
// （一） 1.) is rebuilt from numbering.xml, because in a policy those numbers
// are the clause labels and Word does not store them in the text.
func decodeDocx(name string, data []byte) (content, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			return content{}, huiqi.Errorf(huiqi.EUNSUPPORTED,
				"%s: is a Word 97–2003 file named .docx: convert it to .docx or PDF (e.g. libreoffice --headless --convert-to docx FILE)", name)
		}
		return content{}, huiqi.Errorf(huiqi.EINVALID, "%s: not a .docx (zip) file: %v", name, err)
	}
	main := mainPart(zr)
	doc, err := zipPart(zr, main)
	if err != nil {
		return content{}, huiqi.Errorf(huiqi.EINVALID, "%s: %v", name, err)
	}
	dir := path.Dir(main)
	num := parseNumbering(zipPartOrNil(zr, dir+"/numbering.xml"), zipPartOrNil(zr, dir+"/styles.xml"))
	lines, err := docxLines(doc, num)
	if err != nil {
		return content{}, huiqi.Errorf(huiqi.EINVALID, "%s: %s: %v", name, main, err)
	}
	hints := huiqi.Hints{Title: coreTitle(zipPartOrNil(zr, "docProps/core.xml"))}
	return content{text: joinLines(lines), encoding: "utf-8", hints: hints}, nil
}

// mainPart finds the document body through the package relationships
// (_rels/.rels): Word names it word/document.xml, but other writers may not.
func mainPart(zr *zip.Reader) string {
	var rels struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if b := zipPartOrNil(zr, "_rels/.rels"); b != nil && xml.Unmarshal(b, &rels) == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
				return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
			}
		}
	}
	return "word/document.xml"
}

// zipPart reads one member of a zip archive.
func zipPart(zr *zip.Reader, path string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != path {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxDocxPart+1))
		if err != nil {
			return nil, err
		}
		if len(b) > maxDocxPart {
			return nil, errors.New(path + " is larger than 64 MB")
		}
		return b, nil
	}
	return nil, errors.New("no " + path + " in the archive")
}

// zipPartOrNil reads an optional member; a missing or broken one is nil.
func zipPartOrNil(zr *zip.Reader, path string) []byte {
	b, _ := zipPart(zr, path)
	return b
}

// coreTitle returns dc:title from docProps/core.xml. Word fills it from the
// first line or the author's template, so it is only a hint.
func coreTitle(core []byte) string {
	var props struct {
		Title string `xml:"title"`
	}
	if core == nil || xml.Unmarshal(core, &props) != nil {
		return ""
	}
	return strings.TrimSpace(props.Title)
}
