package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

const profileHelp = `
Profile check reads enterprise profiles (JSON, or YAML by the extension
.yaml/.yml or by content; "-" is standard input; a .jsonl file holds one
JSON profile a line, as synth --enterprises writes) and reports every problem
of each at once, naming the file, the line and the field, such as
financials[1].high_tech_revenue_yuan. Unknown fields, wrong types, credit
codes whose check characters do not match (GB 32100, GB 11714), unknown
region (GB/T 2260) or industry (GB/T 4754-2017) codes, impossible or future
dates and figures that contradict each other are problems; fields left out
are not. Certification names are normalised (国家高新技术企业 → 高新技术企业);
a name not in the list is a warning.

Problems and warnings go to stderr; each file's verdict to stdout, or with
--json each valid profile, normalised, as JSON. The exit status is 1 when
any file has a problem.`

func runProfile(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "profile", "profile check [--json] [--as-of YYYY-MM-DD] FILE...", profileHelp)
	asJSON := fs.Bool("json", false, "print each valid profile, normalised, as JSON")
	asOfFlag := fs.String("as-of", "", "reject dates after this day (default today)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || pos[0] != "check" {
		return fs.usagef("want: profile check FILE...")
	} else if len(pos) == 1 {
		return fs.usagef("no FILE to check")
	}
	asOf, err := huiqi.ParseDate(*asOfFlag)
	if err != nil {
		return fs.usagef("--as-of: %v", err)
	} else if asOf.IsZero() {
		now := time.Now()
		asOf = huiqi.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
	}
	failed := 0
	total := 0
	for _, name := range pos[1:] {
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.EqualFold(filepath.Ext(name), ".jsonl") {
			n, bad, err := checkProfileLines(ctx, e, name, asOf, *asJSON)
			if err != nil {
				return err
			}
			total, failed = total+n, failed+bad
			continue
		}
		total++
		if !checkProfile(e, name, asOf, *asJSON) {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "huiqi profile: %d of %d profiles have problems\n", failed, total)
		return errFailed
	}
	return nil
}

// checkProfile checks one file, prints what it found and reports whether
// the profile is valid.
func checkProfile(e *env, name string, asOf huiqi.Date, asJSON bool) bool {
	data, err := readInput(e, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
		return false
	}
	p, warn, err := profile.Check(name, data, asOf)
	for _, w := range warn {
		w.Msg = "警告: " + w.Msg
		fmt.Fprintln(e.stderr, w)
	}
	if err != nil {
		problems := asProblems(name, err)
		fmt.Fprintln(e.stderr, problems.Error())
		if !asJSON {
			fmt.Fprintf(e.stdout, "%s: %d 个问题\n", name, len(problems))
		}
		return false
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(p) == nil
	}
	fmt.Fprintf(e.stdout, "%s: 通过 %s\n", name, p.Name)
	return true
}

// asProblems returns the problems an error of package profile lists, or
// the error as one problem of the file.
func asProblems(name string, err error) profile.Problems {
	var ps profile.Problems
	if err == nil || errors.As(err, &ps) {
		return ps
	}
	return profile.Problems{{File: name, Msg: err.Error()}}
}

// readInput reads a file, or standard input for "-".
func readInput(e *env, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(e.stdin, 8<<20))
	}
	return os.ReadFile(name)
}
