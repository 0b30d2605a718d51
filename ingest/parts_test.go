package ingest_test

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// decodeFile reads .txt and .jsonl files as the decode package does, until that
// package is available to these tests: one document a text file, one a JSONL line.
func decodeFile(path string, emit func(huiqi.Document) error) error {
	switch filepath.Ext(path) {
	case ".txt":
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return emit(document(path, 0, string(b), b))
	case ".jsonl":
		return decodeJSONL(path, emit)
	case ".docx":
		r, err := zip.OpenReader(path)
		if err != nil {
			return huiqi.Errorf(huiqi.EINVALID, "not a .docx file: %v", err)
		}
		r.Close()
		return huiqi.Errorf(huiqi.EUNSUPPORTED, ".docx not read by the test decoder")
	}
	return huiqi.Errorf(huiqi.EUNSUPPORTED, "unsupported file type %q", filepath.Ext(path))
}

func decodeJSONL(path string, emit func(huiqi.Document) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Content string `json:"content_zh"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		raw := append([]byte(nil), sc.Bytes()...)
		if err := emit(document(path, line, rec.Content, raw)); err != nil {
			return err
		}
	}
	return sc.Err()
}

func document(path string, record int, text string, raw []byte) huiqi.Document {
	name := path
	if record > 0 {
		name = fmt.Sprintf("%s#%d", path, record)
	}
	h := sha256.Sum256(raw)
	return huiqi.Document{Name: name, Text: text, Raw: raw, Source: huiqi.Source{
		FileName: name, Format: strings.TrimPrefix(filepath.Ext(path), "."),
		Encoding: "utf-8", SHA256: hex.EncodeToString(h[:]), Size: int64(len(raw)), Record: record,
	}}
}

// extractTitle keeps the text and takes its first line as the title, enough
// for the identity rules of the store.
func extractTitle(doc huiqi.Document) (*huiqi.Policy, error) {
	text := strings.TrimSpace(doc.Text)
	if text == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s: no text to extract", doc.Name)
	}
	title, _, _ := strings.Cut(text, "\n")
	return &huiqi.Policy{Title: strings.TrimSpace(title), Text: text, Source: doc.Source}, nil
}
