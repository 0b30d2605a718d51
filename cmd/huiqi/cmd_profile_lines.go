package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// checkProfileLines checks a JSONL file, one profile a line, naming each
// problem by the file and the line. It prints a summary instead of a verdict
// per line (or with asJSON each valid profile, normalised, one a line) and
// returns the number of profiles and of those with problems.
func checkProfileLines(ctx context.Context, e *env, name string, asOf huiqi.Date, asJSON bool) (total, failed int, err error) {
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
		return 1, 1, nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return total, failed, err
		}
		total++
		p, warn, err := profile.Check(name+".json", sc.Bytes(), asOf)
		printLineProblems(e, name, line, warn, "警告: ")
		if err != nil {
			failed++
			printLineProblems(e, name, line, asProblems(name, err), "")
		} else if asJSON {
			if err := enc.Encode(p); err != nil {
				return total, failed, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
		return total + 1, failed + 1, nil
	}
	if !asJSON {
		fmt.Fprintf(out, "%s: %d 个档案，%d 个有问题\n", name, total, failed)
	}
	return total, failed, nil
}

// printLineProblems prints problems found in one line of a JSONL file.
func printLineProblems(e *env, name string, line int, ps profile.Problems, prefix string) {
	for _, p := range ps {
		p.File, p.Line, p.Msg = name, line, prefix+p.Msg
		fmt.Fprintln(e.stderr, p)
	}
}
