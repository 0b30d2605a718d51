package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// record is one line of the JSONL corpus format decode reads.
type record struct {
	No          int    `json:"no"`
	Level       string `json:"level"`
	ReleaseTime string `json:"release_time"`
	Source      string `json:"source"`
	ContentZH   string `json:"content_zh"`
}

// WriteJSONL writes documents as JSONL until at least size bytes are written,
// calling progress (if not nil) after each document with the bytes so far.
// It returns the number of documents and bytes written.
func (g *Generator) WriteJSONL(w io.Writer, size int64, progress func(docs int, bytes int64)) (int, int64, error) {
	return g.WriteJSONLUntil(w, size, 0, func(d int, b int64) error {
		if progress != nil {
			progress(d, b)
		}
		return nil
	})
}

// WriteJSONLUntil writes documents until size bytes or maxDocs documents (when
// positive) are written; a non-nil error from progress stops it.
func (g *Generator) WriteJSONLUntil(w io.Writer, size int64, maxDocs int, progress func(docs int, bytes int64) error) (int, int64, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	var written int64
	docs := 0
	for written < size && (maxDocs <= 0 || docs < maxDocs) {
		d := g.Next()
		line, err := json.Marshal(record{No: g.n, Level: "synthetic", ReleaseTime: d.Date, Source: fmt.Sprintf("synth:%d", g.n), ContentZH: d.Text})
		if err != nil {
			return docs, written, err
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return docs, written, fmt.Errorf("synth: %w", err)
		}
		written += int64(len(line))
		docs++
		if err := progress(docs, written); err != nil {
			return docs, written, err
		}
	}
	return docs, written, bw.Flush()
}
