package upload

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"testing"
)

// pdfFile is a small whole PDF: one empty page, its cross-reference table
// with real offsets, the trailer and %%EOF.
func pdfFile() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	}
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// imageFile encodes a w×h gradient with encode.
func imageFile(t testing.TB, w, h int, encode func(io.Writer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngFile(t testing.TB, w, h int) []byte { return imageFile(t, w, h, png.Encode) }

func jpegFile(t testing.TB) []byte {
	return imageFile(t, 16, 16, func(w io.Writer, m image.Image) error { return jpeg.Encode(w, m, nil) })
}

// entry is a file in a zip being built.
type entry struct {
	name string
	data []byte
}

// zipFile builds a zip of entries, deflated.
func zipFile(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// ooxmlEntries are the parts of a minimal Office document whose content
// lives in dir ("word", "xl", "ppt"), plus extra entries.
func ooxmlEntries(dir, part string, extra ...entry) []entry {
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/></Types>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + dir + "/" + part + `"/></Relationships>`
	body := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><root><t>申报材料</t></root>`
	es := []entry{{"[Content_Types].xml", []byte(ct)}, {"_rels/.rels", []byte(rels)}, {dir + "/" + part, []byte(body)}}
	return append(es, extra...)
}

func docxFile(t testing.TB, extra ...entry) []byte {
	return zipFile(t, ooxmlEntries("word", "document.xml", extra...)...)
}

func xlsxFile(t testing.TB, extra ...entry) []byte {
	return zipFile(t, append(ooxmlEntries("xl", "workbook.xml"), extra...)...)
}

func pptxFile(t testing.TB) []byte { return zipFile(t, ooxmlEntries("ppt", "presentation.xml")...) }

func ofdFile(t testing.TB) []byte {
	return zipFile(t, entry{"OFD.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>`)},
		entry{"Doc_0/Document.xml", []byte(`<ofd:Document/>`)})
}

// bombDocx is a DOCX whose document part is size zero bytes, deflated to
// about a thousandth of that; it is written a megabyte at a time, so only
// the compressed bytes are ever held.
func bombDocx(t testing.TB, size int64) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range ooxmlEntries("word", "styles.xml") {
		w, _ := zw.Create(e.name)
		w.Write(e.data)
	}
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for n := int64(0); n < size; n += int64(len(chunk)) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
