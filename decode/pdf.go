package decode

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// PDF text comes from poppler's pdftotext, run as a subprocess. The pure-Go
// alternative that reads Chinese PDFs correctly, go-pdfium's WebAssembly
// build (github.com/klippa-app/go-pdfium v1.20.0), was measured on this
// project's fixture: it adds 13 MB to the binary (a 5.7 MB pdfium.wasm
// compiled by wazero) and takes 3.1 s to start in every process, against
// 14 ms for a whole pdftotext run. Text PDFs are a minority of inputs, so
// the binary stays small and pure Go, and a PDF needs poppler-utils installed.

// pdftotextTimeout bounds one pdftotext run; a hostile PDF must not hang ingestion.
const pdftotextTimeout = 60 * time.Second

// decodePDF extracts the text layer of a PDF and re-joins the lines the
// page layout wrapped.
func decodePDF(name string, data []byte) (content, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n "), []byte("%PDF-")) {
		return content{}, huiqi.Errorf(huiqi.EINVALID, "%s: not a PDF file (no %%PDF- header)", name)
	}
	out, err := pdftotext(name, data)
	if err != nil {
		return content{}, err
	}
	doc, err := parseBBox(strings.NewReader(out))
	if err != nil {
		return content{}, huiqi.Errorf(huiqi.EINVALID, "%s: reading pdftotext output: %v", name, err)
	}
	text := pdfText(doc.pages)
	if hanCount(text) < 10 && len(strings.Fields(text)) < 10 {
		return content{}, huiqi.Errorf(huiqi.EUNSUPPORTED,
			"%s: the PDF has no text layer (a scanned document): run OCR first (e.g. ocrmypdf -l chi_sim FILE out.pdf) and decode the result", name)
	}
	if garbled(text) {
		return content{}, huiqi.Errorf(huiqi.EUNSUPPORTED,
			"%s: the PDF's fonts have no character map, so its text layer cannot be read: run OCR on it (e.g. ocrmypdf --force-ocr -l chi_sim FILE out.pdf)", name)
	}
	return content{text: text, encoding: "utf-8", hints: huiqi.Hints{Title: pdfTitle(doc.title)}}, nil
}

// pdfTitle returns the PDF's Title when it looks like a document title:
// word processors often fill it with "Microsoft Word - 文件名.doc" or
// leave a template's placeholder.
func pdfTitle(t string) string {
	t = strings.TrimSpace(strings.TrimPrefix(t, "Microsoft Word - "))
	for _, ext := range []string{".docx", ".doc", ".wps", ".pdf"} {
		t = strings.TrimSuffix(t, ext)
	}
	if hanCount(t) < 4 {
		return ""
	}
	return t
}

// pdftotext runs `pdftotext -bbox-layout -enc UTF-8 - -` on data: every line
// with its position on the page, from which rejoinPDFLines tells a line the
// layout wrapped at the right margin from the end of a paragraph.
func pdftotext(name string, data []byte) (string, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", huiqi.Errorf(huiqi.EUNSUPPORTED,
			"%s: reading PDF needs pdftotext from poppler-utils, which is not installed (apt-get install poppler-utils)", name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdftotextTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-bbox-layout", "-enc", "UTF-8", "-q", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", huiqi.Errorf(huiqi.EINVALID, "%s: pdftotext took longer than %v", name, pdftotextTimeout)
		}
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", huiqi.Errorf(huiqi.EINVALID, "%s: pdftotext cannot read it: %s", name, firstLineOf(msg))
	}
	return stdout.String(), nil
}

// garbled reports whether more than a tenth of the text is private-use
// characters, replacement characters or control codes: what pdftotext
// produces for fonts embedded without a ToUnicode map.
func garbled(text string) bool {
	bad, all := 0, 0
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if r == utf8.RuneError || unicode.Is(unicode.Co, r) || unicode.IsControl(r) {
			bad++
		}
	}
	return bad*10 > all
}

func firstLineOf(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
