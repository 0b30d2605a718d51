package ingest_test

import (
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
)

// decodeFile streams a file's documents with the decode package, as the CLI
// does: a JSONL corpus line by line, other files whole.
func decodeFile(path string, emit func(huiqi.Document) error) error {
	if filepath.Ext(path) == ".jsonl" {
		return decode.EachJSONL(path, emit)
	}
	docs, err := decode.File(path)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := emit(d); err != nil {
			return err
		}
	}
	return nil
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
