package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/profile"
)

// matchBatch matches every profile of a JSONL file (one profile a line, as
// huiqi synth --enterprises writes) and writes one summary a line to out
// (stdout when ""), in process or on NATS JetStream at natsURL. Lines that
// are not valid profiles are reported and skipped; the command then fails.
func matchBatch(ctx context.Context, e *env, m *match.Matcher, in, out, natsURL string, asOf huiqi.Date) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	jobs, runID, closeJobs, err := openMatchJobs(natsURL, m)
	if err != nil {
		return err
	}
	defer closeJobs()
	if runID != "" {
		fmt.Fprintf(e.stderr, "huiqi match: run %s on %s; more workers join with: huiqi match --work %s --nats %s\n", runID, natsURL, runID, natsURL)
	}
	w, commit, err := createOutput(e, out)
	if err != nil {
		return err
	}
	src := &jsonlProfiles{name: in, sc: bufio.NewScanner(f), stderr: e.stderr}
	src.sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	sink := match.SinkFunc(func(_ context.Context, s huiqi.MatchSummary) error { return enc.Encode(s) })
	st, err := jobs.Run(ctx, src, sink, asOf)
	if err == nil {
		err = commit()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "huiqi match: %d enterprises in %.1fs (%.0f/s), %d measures not ruled out, total %d～%d 元\n",
		st.Enterprises, st.Elapsed.Seconds(), float64(st.Enterprises)/max(st.Elapsed.Seconds(), 1e-9), st.Hits, st.MinYuan, st.MaxYuan)
	if src.bad > 0 {
		return huiqi.Errorf(huiqi.EINVALID, "%s: %d lines are not valid profiles (skipped)", in, src.bad)
	}
	return nil
}

// createOutput writes to stdout, or to a file made in place only when the
// batch succeeds (commit), never half-written.
func createOutput(e *env, path string) (io.Writer, func() error, error) {
	if path == "" {
		return e.stdout, func() error { return nil }, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".huiqi-match-*")
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(tmp)
	var once sync.Once
	return bw, func() error {
		var err error
		once.Do(func() {
			if err = bw.Flush(); err == nil {
				err = tmp.Close()
			}
			if err == nil {
				err = os.Rename(tmp.Name(), path)
			}
		})
		return err
	}, nil
}

// jsonlProfiles reads profiles a line at a time, keyed by credit code or
// line number; a line that is not a valid profile is reported and skipped.
type jsonlProfiles struct {
	name   string
	sc     *bufio.Scanner
	line   int
	bad    int
	stderr io.Writer
}

// Next returns the next valid profile, io.EOF at the end.
func (s *jsonlProfiles) Next(context.Context) (string, *huiqi.Enterprise, error) {
	for s.sc.Scan() {
		s.line++
		b := s.sc.Bytes()
		if len(b) == 0 {
			continue
		}
		name := s.name + ":" + strconv.Itoa(s.line)
		ent, err := profile.Load(name, b)
		if err == nil {
			profile.Normalize(ent)
			err = profile.Validate(ent)
		}
		if err != nil {
			s.bad++
			fmt.Fprintf(s.stderr, "huiqi match: %v\n", err)
			continue
		}
		key := ent.CreditCode
		if key == "" {
			key = "line " + strconv.Itoa(s.line)
		}
		return key, ent, nil
	}
	if err := s.sc.Err(); err != nil {
		return "", nil, fmt.Errorf("%s: line %d: %w", s.name, s.line+1, err)
	}
	return "", nil, io.EOF
}
