package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/synth"
)

func runSynth(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "synth", "synth [--size 1GB | --docs N | --enterprises N] [--seed N] [--out FILE]", `
Synth writes a synthetic corpus for benchmarks: realistic policy documents
composed from the bundled demo corpus (a 红头 notice around sections of real
items, amounts varied), one JSON object per line in the JSONL corpus format
that ingest reads. The same seed gives the same corpus.

With --enterprises N it writes N synthetic enterprise profiles instead, one
JSON object per line in the profile format (huiqi profile check reads each):
registered across the country, in technology industries, with 1–5 years of
figures, some fields unknown and valid credit codes.`)
	size := fs.String("size", "", "stop after this many bytes (e.g. 500MB, 1GB)")
	docs := fs.Int("docs", 0, "stop after this many documents")
	seed := fs.Int64("seed", 1, "random seed")
	out := fs.String("out", "", "write to FILE instead of standard output")
	fs.StringVar(out, "o", "", "short for --out")
	enterprises := fs.Int("enterprises", 0, "write this many enterprise profiles instead of documents")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	} else if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	limit, err := parseSize(*size)
	if err != nil {
		return fs.usagef("--size: %v", err)
	}
	if *enterprises > 0 && (limit > 0 || *docs > 0) {
		return fs.usagef("give --enterprises or --size/--docs, not both")
	}
	if limit == 0 && *docs <= 0 && *enterprises <= 0 {
		return fs.usagef("give --size, --docs or --enterprises")
	}
	if limit == 0 {
		limit = math.MaxInt64
	}
	var w io.Writer = e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if *enterprises > 0 {
		return synthEnterprises(ctx, e, w, *seed, *enterprises)
	}
	g, err := synth.New(demo.Corpus(), *seed)
	if err != nil {
		return err
	}
	start, last := time.Now(), time.Now()
	n, written, err := g.WriteJSONLUntil(w, limit, *docs, func(n int, b int64) error {
		if time.Since(last) > 2*time.Second {
			last = time.Now()
			fmt.Fprintf(e.stderr, "synth: %d documents, %.1f MB\n", n, float64(b)/1e6)
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "synth: wrote %d documents, %.1f MB in %.1fs\n", n, float64(written)/1e6, time.Since(start).Seconds())
	return nil
}

// synthEnterprises writes n enterprise profiles, with progress on stderr.
func synthEnterprises(ctx context.Context, e *env, w io.Writer, seed int64, n int) error {
	start, last := time.Now(), time.Now()
	done, written, err := synth.WriteEnterprisesJSONL(w, seed, n, func(k int, b int64) error {
		if time.Since(last) > 2*time.Second {
			last = time.Now()
			fmt.Fprintf(e.stderr, "synth: %d profiles, %.1f MB\n", k, float64(b)/1e6)
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "synth: wrote %d profiles, %.1f MB in %.1fs\n", done, float64(written)/1e6, time.Since(start).Seconds())
	return nil
}

// parseSize reads "1GB", "500MB", "64KB" or a number of bytes; "" is 0.
func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.m
			break
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%q is not a size like 500MB or 1GB", s)
	}
	return int64(v * float64(mult)), nil
}
