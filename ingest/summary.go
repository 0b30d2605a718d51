package ingest

import (
	"fmt"
	"strings"
	"time"
)

// Summary reports what a run did. Every document read is counted exactly once:
// stored (created, new version or unchanged) or failed.
type Summary struct {
	Files       int // files finished, failed ones included
	Docs        int // documents read: stored plus failed ones
	Created     int
	NewVersions int
	Unchanged   int
	// Failed counts Failures: documents that could not be extracted or saved,
	// and files that could not be read or decoded.
	Failed   int
	Failures []Failure
	Bytes    int64 // size of the files finished
	Duration time.Duration
	// Indexed counts the policies added to Pipeline.Index. IndexFailures are
	// stored policies the index refused: they are not in Failed, and huiqi
	// reindex rebuilds the index from the store.
	Indexed       int
	IndexFailures []Failure
}

// Failure names an input that was not stored and says why.
type Failure struct {
	Name   string `json:"name"` // a path, or "path#12" for a JSONL record
	Reason string `json:"reason"`
}

// Stored returns the number of documents that are in the store after the run.
func (s Summary) Stored() int { return s.Created + s.NewVersions + s.Unchanged }

// DocsPerSecond returns the document rate over the run so far.
func (s Summary) DocsPerSecond() float64 {
	if s.Duration <= 0 {
		return 0
	}
	return float64(s.Docs) / s.Duration.Seconds()
}

// MBPerSecond returns the input rate in megabytes (10^6 bytes) per second.
func (s Summary) MBPerSecond() float64 {
	if s.Duration <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Duration.Seconds()
}

// String is a one-line account of the counts, for logs and progress lines.
func (s Summary) String() string {
	line := fmt.Sprintf("%d files, %d documents: %d created, %d new versions, %d unchanged, %d failed",
		s.Files, s.Docs, s.Created, s.NewVersions, s.Unchanged, s.Failed)
	if n := len(s.IndexFailures); n > 0 {
		line += fmt.Sprintf(", %d not indexed", n)
	}
	return line
}

// fail records a failure. Errors of decode and extract often start with the
// name already; the reason is kept without it so it is printed once.
func (s *Summary) fail(name string, err error) {
	s.Failed++
	reason := strings.TrimPrefix(err.Error(), name+": ")
	s.Failures = append(s.Failures, Failure{Name: name, Reason: reason})
}

// Progress is a snapshot of a running pipeline, passed to Pipeline.Progress.
// Summary holds the counts so far, its Duration the time elapsed.
type Progress struct {
	Summary
	// FilesTotal and BytesTotal are known once the inputs have been walked,
	// before the first document is read.
	FilesTotal int
	BytesTotal int64
}

// Fraction returns how much of the input bytes is done, from 0 to 1.
func (p Progress) Fraction() float64 {
	if p.BytesTotal <= 0 {
		return 0
	}
	return float64(p.Bytes) / float64(p.BytesTotal)
}
