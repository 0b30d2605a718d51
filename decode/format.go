package decode

import (
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// formats maps the extensions decode reads to their Source.Format.
var formats = map[string]string{
	".txt":      "txt",
	".text":     "txt",
	".md":       "md",
	".markdown": "md",
	".html":     "html",
	".htm":      "html",
	".shtml":    "html",
	".xhtml":    "html",
	".docx":     "docx",
	".pdf":      "pdf",
	".jsonl":    "jsonl",
}

// rejected maps extensions that policy documents are often published in but
// decode does not read to the advice its error gives, so a folder walk can
// tell the user what to do instead of skipping the file silently.
var rejected = map[string]string{
	".doc":  ".doc (Word 97–2003) is not supported: convert it to .docx or PDF (e.g. libreoffice --headless --convert-to docx FILE)",
	".wps":  ".wps (WPS Writer) is not supported: save it as .docx or PDF in WPS, or run libreoffice --headless --convert-to docx FILE",
	".rtf":  ".rtf is not supported: convert it to .docx (e.g. libreoffice --headless --convert-to docx FILE)",
	".odt":  ".odt is not supported: convert it to .docx (e.g. libreoffice --headless --convert-to docx FILE)",
	".ofd":  ".ofd (OFD fixed-layout) is not supported: export it to PDF with an OFD reader (e.g. 数科OFD阅读器) first",
	".xls":  ".xls (Excel 97–2003) is not supported: policy text is read from documents, not spreadsheets; export the text to .txt",
	".xlsx": ".xlsx is not supported: policy text is read from documents, not spreadsheets; export the text to .txt",
	".et":   ".et (WPS spreadsheet) is not supported: export the text to .txt",
	".ppt":  ".ppt (PowerPoint 97–2003) is not supported: convert it to PDF (e.g. libreoffice --headless --convert-to pdf FILE)",
	".pptx": ".pptx is not supported: convert it to PDF (e.g. libreoffice --headless --convert-to pdf FILE)",
	".dps":  ".dps (WPS presentation) is not supported: convert it to PDF",
	".caj":  ".caj (CNKI) is not supported: export it to PDF with CAJViewer",
	".jpg":  ".jpg is an image: run OCR (e.g. tesseract FILE out -l chi_sim) and decode the text",
	".jpeg": ".jpeg is an image: run OCR (e.g. tesseract FILE out -l chi_sim) and decode the text",
	".png":  ".png is an image: run OCR (e.g. tesseract FILE out -l chi_sim) and decode the text",
	".tif":  ".tif is an image: run OCR (e.g. tesseract FILE out -l chi_sim) and decode the text",
	".tiff": ".tiff is an image: run OCR (e.g. tesseract FILE out -l chi_sim) and decode the text",
	".zip":  ".zip is an archive: unpack it and decode the files inside",
	".rar":  ".rar is an archive: unpack it and decode the files inside",
	".7z":   ".7z is an archive: unpack it and decode the files inside",
}

// Supported reports whether a file name has an extension decode knows (including the
// ones it rejects with a clear error, so a folder walk can report them).
func Supported(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	_, ok := formats[ext]
	_, no := rejected[ext]
	return ok || no
}

// format returns the Source.Format for name, or "" when decode does not read it.
func format(name string) string {
	return formats[strings.ToLower(filepath.Ext(name))]
}

// checkFormat returns the EUNSUPPORTED error for a name decode does not read.
func checkFormat(name string) error {
	ext := strings.ToLower(filepath.Ext(name))
	if _, ok := formats[ext]; ok {
		return nil
	}
	if advice, ok := rejected[ext]; ok {
		return huiqi.Errorf(huiqi.EUNSUPPORTED, "%s: %s", name, advice)
	}
	if ext == "" {
		return huiqi.Errorf(huiqi.EUNSUPPORTED, "%s: no file extension: name it by its format (%s)", name, supportedList())
	}
	return huiqi.Errorf(huiqi.EUNSUPPORTED, "%s: unknown extension %s: supported are %s", name, ext, supportedList())
}

// supportedList names the readable extensions for error messages.
func supportedList() string {
	return ".txt, .md, .html/.htm, .docx, .pdf, .jsonl"
}
