package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

const extractHelp = `
Extract decodes FILE (text, HTML, Word .docx, PDF, Markdown, or a JSONL corpus)
and prints the structure found: metadata, clauses, money measures, targets and
tasks. Nothing is stored.

With --json it prints the policy export format (docs/export.md), indented; a
JSONL file prints one JSON object per line. A document that cannot be
extracted is reported on stderr and the exit status is 1.`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "extract", "extract [--json] FILE", extractHelp)
	asJSON := fs.Bool("json", false, "print the export JSON")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fs.usagef("want one FILE, got %d arguments", len(pos))
	}
	path := pos[0]
	jsonl := strings.EqualFold(filepath.Ext(path), ".jsonl")
	failed := 0
	first := true
	err = decodeStream(path, func(doc huiqi.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := extractDoc(doc)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "huiqi: %s\n", withName(doc.Name, err))
			return nil
		}
		if !first && !*asJSON {
			fmt.Fprintln(e.stdout)
		}
		first = false
		return printExtracted(e, p, *asJSON, jsonl)
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

func printExtracted(e *env, p *huiqi.Policy, asJSON, compact bool) error {
	if !asJSON {
		return writePolicy(e.stdout, p, nil)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false) // keep 《》 and & readable
	if !compact {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(p)
}

// withName makes sure an error message names its input, once.
func withName(name string, err error) string {
	if msg := err.Error(); strings.HasPrefix(msg, name) {
		return msg
	}
	return name + ": " + err.Error()
}
