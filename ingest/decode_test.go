package ingest_test

import (
	"path/filepath"

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
