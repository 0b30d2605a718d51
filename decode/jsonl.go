package decode

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// maxLineErrors caps the bad-line errors EachJSONL collects, so a file in
// the wrong format gives a readable error rather than millions of lines.
const maxLineErrors = 20

// EachJSONL streams a JSONL corpus file record by record without holding it in memory
// (it is used for multi-GB synthetic corpora); fn's error stops the walk.
//
// Each non-blank line is one JSON object (see record for the fields read).
// A bad line (not JSON, or no text) does not stop the walk: fn is called for
// every good line, and EachJSONL returns the bad lines at the end, joined, as
// EINVALID errors naming the file and line (the first 20, then a count).
// fn's error stops the walk at once and is returned as is.
func EachJSONL(path string, fn func(huiqi.Document) error) error {
	f, err := os.Open(path)
	if err != nil {
		return huiqi.Errorf(huiqi.EINVALID, "%s: %v", path, err)
	}
	defer f.Close()
	return eachLine(path, f, fn)
}

// jsonlBytes decodes a whole JSONL file held in memory; any bad line fails it.
func jsonlBytes(name string, data []byte) ([]huiqi.Document, error) {
	var docs []huiqi.Document
	err := eachLine(name, bytes.NewReader(data), func(d huiqi.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// eachLine is EachJSONL over any reader.
func eachLine(name string, r io.Reader, fn func(huiqi.Document) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var bad []error
	skipped := 0
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			doc, lerr := decodeRecord(name, n, bytes.TrimRight(line, "\r\n"))
			switch {
			case lerr == errBlank:
			case lerr != nil && len(bad) < maxLineErrors:
				bad = append(bad, lerr)
			case lerr != nil:
				skipped++
			default:
				if ferr := fn(doc); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			break
		} else if err != nil {
			return huiqi.Errorf(huiqi.EINVALID, "%s: line %d: %v", name, n, err)
		}
	}
	if skipped > 0 {
		bad = append(bad, huiqi.Errorf(huiqi.EINVALID, "%s: %d more bad lines", name, skipped))
	}
	return errors.Join(bad...)
}

// errBlank marks a blank line, which is not a record.
var errBlank = errors.New("blank line")

// decodeRecord decodes line n of a JSONL file. Raw is the line without its
// line end, so its SHA256 does not depend on the file's line-end style.
func decodeRecord(name string, n int, line []byte) (huiqi.Document, error) {
	raw := line
	if n == 1 {
		line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return huiqi.Document{}, errBlank
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return huiqi.Document{}, huiqi.Errorf(huiqi.EINVALID, "%s:%d: not a JSON object: %v", name, n, shortJSONError(err))
	}
	text := normalize(rec.text())
	if strings.TrimSpace(text) == "" {
		return huiqi.Document{}, huiqi.Errorf(huiqi.EINVALID, "%s:%d: no text (want a content_zh, content or text field)", name, n)
	}
	doc := newDocument(fmt.Sprintf("%s#%d", name, n), "jsonl", content{text: text, encoding: "utf-8", hints: rec.hints()}, raw)
	doc.Source.Record = n
	doc.Source.FileName = filepath.Base(name)
	return doc, nil
}

// shortJSONError keeps a JSON error message to one short line.
func shortJSONError(err error) string {
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
