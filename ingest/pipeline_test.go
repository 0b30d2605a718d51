package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/extract"
	"github.com/huiqi-dev/huiqi/ingest"
)

const corpus = "testdata/corpus"

// The corpus holds 3 text files and a 3-record JSONL file, a broken .docx, a
// file of an unsupported type, and hidden files that must not be read.
const corpusDocs = 6

func newPipeline(store huiqi.PolicyStore, workers int) *ingest.Pipeline {
	return &ingest.Pipeline{Decode: decodeFile, Extract: extract.Extract, Store: store, Workers: workers}
}

func TestRunCountsAndRerun(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	p := newPipeline(store, 3)
	sum, err := p.Run(context.Background(), corpus)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != corpusDocs || sum.Docs != corpusDocs || sum.Files != 6 || sum.Failed != 2 {
		t.Errorf("first run: %v", sum)
	}
	wantFailures := map[string]string{
		filepath.Join(corpus, "broken.docx"): "not a .docx",
		filepath.Join(corpus, "notes.xyz"):   "unknown extension .xyz",
	}
	for _, f := range sum.Failures {
		if want, ok := wantFailures[f.Name]; !ok || !strings.Contains(f.Reason, want) {
			t.Errorf("failure %s: %q, want one containing %q", f.Name, f.Reason, want)
		}
	}
	if sum.Bytes == 0 || sum.Duration <= 0 || sum.DocsPerSecond() <= 0 || sum.MBPerSecond() <= 0 {
		t.Errorf("bytes %d, duration %v, rates %.1f docs/s %.1f MB/s", sum.Bytes, sum.Duration, sum.DocsPerSecond(), sum.MBPerSecond())
	}

	again, err := p.Run(context.Background(), corpus)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != corpusDocs || again.Created+again.NewVersions != 0 || again.Failed != 2 {
		t.Errorf("second run: %v, want all unchanged", again)
	}
	if n := store.stored(t); n != corpusDocs {
		t.Errorf("store holds %d versions, want %d", n, corpusDocs)
	}
}

// The store sees documents in walk order whatever the number of workers, so
// versions are assigned the same way on every run.
func TestRunIsDeterministic(t *testing.T) {
	t.Parallel()
	var orders [][]string
	for _, workers := range []int{1, 2, 8} {
		store := openStore(t)
		if _, err := newPipeline(store, workers).Run(context.Background(), corpus); err != nil {
			t.Fatal(err)
		}
		orders = append(orders, store.saves)
	}
	want := []string{
		"000_036065d9ee9aa55d.txt", "001_654287db9a519d19.txt",
		"three.jsonl#1", "three.jsonl#2", "three.jsonl#3", "zj16.txt",
	}
	for i, got := range orders {
		if !slices.Equal(got, want) {
			t.Errorf("run %d saved in order %q, want %q", i, got, want)
		}
	}
}

func TestRunInputs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		paths       []string
		docs, files int
		failures    []string
	}{
		{"single file", []string{corpus + "/sub/zj16.txt"}, 1, 1, nil},
		{"hidden file named explicitly", []string{corpus + "/.skip.txt"}, 1, 1, nil},
		{"missing path", []string{corpus + "/nope.txt"}, 0, 0, []string{corpus + "/nope.txt: no such file or directory"}},
		{"folder and file", []string{corpus + "/sub", corpus + "/notes.xyz"}, 4, 3, []string{corpus + "/notes.xyz: unknown extension .xyz: supported are .txt, .md, .html/.htm, .docx, .pdf, .jsonl"}},
		{"nothing", nil, 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sum, err := newPipeline(openStore(t), 2).Run(context.Background(), tt.paths...)
			if err != nil {
				t.Fatal(err)
			}
			var failures []string
			for _, f := range sum.Failures {
				failures = append(failures, f.Name+": "+f.Reason)
			}
			if sum.Docs != tt.docs || sum.Files != tt.files || !slices.Equal(failures, tt.failures) {
				t.Errorf("got %d docs, %d files, failures %q; want %d, %d, %q", sum.Docs, sum.Files, failures, tt.docs, tt.files, tt.failures)
			}
		})
	}
}

// A panic while extracting one document fails that document only.
func TestRunRecoversExtractionPanic(t *testing.T) {
	t.Parallel()
	p := newPipeline(openStore(t), 2)
	p.Extract = func(doc huiqi.Document) (*huiqi.Policy, error) {
		if strings.HasSuffix(doc.Name, "#2") {
			var m map[string]int
			m["boom"]++ // a nil map write, as a buggy extractor would do
		}
		return extract.Extract(doc)
	}
	sum, err := p.Run(context.Background(), corpus+"/sub")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 3 || len(sum.Failures) != 1 ||
		sum.Failures[0].Name != corpus+"/sub/three.jsonl#2" ||
		!strings.Contains(sum.Failures[0].Reason, "extraction panicked: assignment to entry in nil map") {
		t.Errorf("got %v, failures %q", sum, sum.Failures)
	}
}

// Cancelling stops the run; what the summary reports stored is in the store.
func TestRunCancel(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := newPipeline(store, 2)
	p.Progress = func(pr ingest.Progress) {
		if pr.Docs == 2 {
			cancel()
		}
	}
	sum, err := p.Run(ctx, corpus)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sum.Stored() != 2 || store.stored(t) != 2 || sum.Failed != 0 {
		t.Errorf("summary %v, store holds %d; want 2 stored, no failures", sum, store.stored(t))
	}
}

// A file of many documents never has more than a few of them in flight.
func TestRunBoundsDocumentsInFlight(t *testing.T) {
	t.Parallel()
	const docs, workers = 500, 4
	var emitted, maxInFlight atomic.Int64
	store := openStore(t)
	saved := &store.saved
	p := newPipeline(store, workers)
	p.Decode = func(path string, emit func(huiqi.Document) error) error {
		for i := range docs {
			if n := emitted.Add(1) - saved.Load(); n > maxInFlight.Load() {
				maxInFlight.Store(n)
			}
			text := fmt.Sprintf("document %d\nbody", i)
			if err := emit(huiqi.Document{Name: fmt.Sprint(i), Text: text, Raw: []byte(text)}); err != nil {
				return err
			}
		}
		return nil
	}
	sum, err := p.Run(context.Background(), corpus+"/notes.xyz")
	if err != nil {
		t.Fatal(err)
	}
	// A slot queue of 4, a job queue of 2×workers, one document per extractor,
	// one being emitted and one being saved.
	limit := int64(4 + 2*workers + workers + 2)
	if sum.Created != docs || maxInFlight.Load() > limit {
		t.Errorf("created %d of %d, at most %d documents in flight (limit %d)", sum.Created, docs, maxInFlight.Load(), limit)
	}
}

func TestRunNeedsParts(t *testing.T) {
	t.Parallel()
	_, err := (&ingest.Pipeline{}).Run(context.Background(), corpus)
	if huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Errorf("err = %v, want an EINVALID error", err)
	}
}

// Progress advances with every document, inside a large file too, and ends
// with all files and bytes done.
func TestRunProgress(t *testing.T) {
	t.Parallel()
	var seen []ingest.Progress
	p := newPipeline(openStore(t), 2)
	p.Progress = func(pr ingest.Progress) { seen = append(seen, pr) }
	sum, err := p.Run(context.Background(), corpus)
	if err != nil {
		t.Fatal(err)
	}
	inside, base := false, int64(-1)
	for i, pr := range seen {
		if i > 0 && (pr.Bytes < seen[i-1].Bytes || pr.Docs < seen[i-1].Docs) {
			t.Fatalf("progress went back: %+v after %+v", pr, seen[i-1])
		}
		// Files sort as 000, 001, broken.docx, notes.xyz, sub/three.jsonl: the
		// first JSONL record counts before its file ends.
		if pr.Files == 4 && pr.Docs == 2 {
			base = pr.Bytes
		}
		if pr.Files == 4 && pr.Docs == 3 && base >= 0 && pr.Bytes > base {
			inside = true
		}
	}
	last := seen[len(seen)-1]
	if !inside || last.Files != last.FilesTotal || last.Bytes != last.BytesTotal || last.Docs != sum.Docs || last.Fraction() != 1 {
		t.Errorf("inside a file: %v; last progress %+v", inside, last)
	}
}
