package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/huiqi-dev/huiqi/ingest"
)

// progress shows an ingest as it advances: on a terminal one line rewritten in
// place a few times a second; elsewhere (a log, a pipe) a plain line every few
// seconds, so logs stay readable.
type progress struct {
	w        io.Writer
	tty      bool
	quiet    bool
	every    time.Duration
	last     time.Time
	shown    bool
	lastLine ingest.Progress
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, tty: isTerminal(w), quiet: quiet, every: 5 * time.Second}
	if p.tty {
		p.every = 100 * time.Millisecond
	} else {
		p.last = time.Now() // a short run logs no progress line, only its summary
	}
	return p
}

// isTerminal reports whether w is a character device, a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update is the pipeline's Progress callback; it only prints when due.
func (p *progress) update(pr ingest.Progress) {
	p.lastLine = pr
	if p.quiet || time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	p.print(pr)
}

func (p *progress) print(pr ingest.Progress) {
	line := fmt.Sprintf("ingest: %d/%d files, %s/%s (%.0f%%), %d docs, %d failed, %.1f docs/s, %.2f MB/s",
		pr.Files, pr.FilesTotal, size(pr.Bytes), size(pr.BytesTotal), 100*pr.Fraction(),
		pr.Docs, pr.Failed, pr.DocsPerSecond(), pr.MBPerSecond())
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line) // return and clear: the line is rewritten in place
	} else {
		fmt.Fprintln(p.w, line)
	}
	p.shown = true
}

// finish ends the live line so the summary starts on a fresh line.
func (p *progress) finish() {
	if p.tty && p.shown {
		p.print(p.lastLine)
		fmt.Fprintln(p.w)
	}
}
