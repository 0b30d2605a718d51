package decode

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// File decodes the file at path into its documents (one, or one per line of a .jsonl file).
// A .jsonl file with a bad line fails as a whole; use EachJSONL to keep the good lines.
func File(path string) ([]huiqi.Document, error) {
	if format(path) == "jsonl" {
		var docs []huiqi.Document
		err := EachJSONL(path, func(d huiqi.Document) error {
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return docs, nil
	}
	if err := checkFormat(path); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s: %v", path, err)
	}
	return Bytes(path, data)
}

// Bytes decodes data whose name (a path or file name) gives the format by extension.
func Bytes(name string, data []byte) ([]huiqi.Document, error) {
	if err := checkFormat(name); err != nil {
		return nil, err
	}
	if format(name) == "jsonl" {
		return jsonlBytes(name, data)
	}
	doc, err := decodeOne(name, data)
	if err != nil {
		return nil, err
	}
	return []huiqi.Document{doc}, nil
}

// decodeOne decodes a single-document file of a supported format.
func decodeOne(name string, data []byte) (huiqi.Document, error) {
	f := format(name)
	var (
		c   content
		err error
	)
	switch f {
	case "txt":
		c, err = decodeText(name, data)
	case "md":
		c, err = decodeMarkdown(name, data)
	case "html":
		c, err = decodeHTML(name, data)
	case "docx":
		c, err = decodeDocx(name, data)
	case "pdf":
		c, err = decodePDF(name, data)
	}
	if err != nil {
		return huiqi.Document{}, err
	}
	if strings.TrimSpace(c.text) == "" {
		return huiqi.Document{}, huiqi.Errorf(huiqi.EINVALID, "%s: no text", name)
	}
	return newDocument(name, f, c, data), nil
}

// content is what a format decoder produces.
type content struct {
	text     string
	encoding string
	hints    huiqi.Hints
}

// newDocument fills the fields every format shares.
func newDocument(name, format string, c content, raw []byte) huiqi.Document {
	sum := sha256.Sum256(raw)
	return huiqi.Document{
		Name:  name,
		Text:  c.text,
		Hints: c.hints,
		Raw:   raw,
		Source: huiqi.Source{
			FileName: filepath.Base(name),
			Format:   format,
			Encoding: c.encoding,
			SHA256:   hex.EncodeToString(sum[:]),
			Size:     int64(len(raw)),
		},
	}
}
