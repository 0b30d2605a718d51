package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
)

const rulesHelp = `
Rules checks and tests rule files (the language is described in
docs/rules.md):

  huiqi rules check FILE...   validate rule files: keys, expressions, units, versions
  huiqi rules test [DIR]      run the test cases (NAME.test.yaml) beside the rule files
                              of DIR; without DIR, those of the embedded national sets
  huiqi rules list            list the embedded rule sets and their versions
  huiqi rules windows [FILE]  list the application windows: the embedded defaults, with
                              those of FILE (as given to huiqi assess --windows) over them

check and test exit with status 1 when a file is invalid or a case fails.`

func runRules(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "rules", "rules check FILE... | test [DIR] | list | windows [FILE]", rulesHelp)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fs.usagef("missing subcommand: check, test, list or windows")
	}
	switch sub, rest := pos[0], pos[1:]; sub {
	case "check":
		if len(rest) == 0 {
			return fs.usagef("rules check: missing FILE")
		}
		return rulesCheck(e, rest)
	case "test":
		if len(rest) > 1 {
			return fs.usagef("rules test: one DIR at most")
		}
		return rulesTest(e, rest)
	case "list":
		return rulesList(e)
	case "windows":
		if len(rest) > 1 {
			return fs.usagef("rules windows: one FILE at most")
		}
		return rulesWindows(e, rest)
	default:
		return fs.usagef("unknown subcommand %q: want check, test, list or windows", sub)
	}
}

// rulesCheck parses every file and reports each; errFailed if any is bad.
func rulesCheck(e *env, files []string) error {
	failed := false
	for _, f := range files {
		if strings.HasSuffix(f, rules.TestSuffix) {
			cases, err := rules.ParseCases(os.DirFS(filepath.Dir(f)), filepath.Base(f))
			if err == nil {
				fmt.Fprintf(e.stdout, "ok   %s: %d test case(s)\n", f, len(cases))
				continue
			}
			failed = true
			fmt.Fprintf(e.stderr, "FAIL %v\n", err)
			continue
		}
		data, err := os.ReadFile(f)
		if err == nil {
			var s *rules.Set
			if s, err = rules.Parse(f, data); err == nil {
				fmt.Fprintf(e.stdout, "ok   %s: %s (%s), %d version(s)\n", f, s.ID, s.Name, len(s.Versions))
				continue
			}
		}
		failed = true
		fmt.Fprintf(e.stderr, "FAIL %v\n", err)
	}
	if failed {
		return errFailed
	}
	return nil
}

// rulesTest runs the test cases of a folder, or of the embedded sets.
func rulesTest(e *env, dir []string) error {
	var fsys fs.FS = national.FS
	if len(dir) == 1 {
		fsys = os.DirFS(dir[0])
	}
	results, err := rules.RunDir(fsys, ".")
	if err != nil {
		return err
	}
	failed := 0
	for _, r := range results {
		if len(r.Failures) == 0 {
			fmt.Fprintf(e.stdout, "PASS %s:%d %s\n", r.File, r.Line, r.Name)
			continue
		}
		failed++
		fmt.Fprintf(e.stdout, "FAIL %s:%d %s\n\t%s\n", r.File, r.Line, r.Name, strings.Join(r.Failures, "\n\t"))
	}
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", len(results)-failed, failed)
	if len(results) == 0 {
		fmt.Fprintln(e.stderr, "huiqi rules test: no test cases found")
		return errFailed
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

func rulesList(e *env) error {
	sets, err := national.Sets()
	if err != nil {
		return err
	}
	for _, s := range sets {
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s %s\n", s.ID, s.Name, s.Kind, s.Source.Title, s.Source.Number)
		for _, v := range s.Versions {
			to := v.To.String()
			if to == "" {
				to = "…"
			}
			fmt.Fprintf(e.stdout, "  version %s: %s – %s\n", v.Name, v.From, to)
		}
	}
	return nil
}
