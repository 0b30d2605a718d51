package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// result is what a run of the CLI printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// run drives huiqi end to end, as a user would from a shell.
func run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return result{out.String(), errOut.String(), code}
}

// must runs huiqi and fails the test unless it exits with want.
func must(t *testing.T, want int, args ...string) result {
	t.Helper()
	r := run(t, args...)
	if r.code != want {
		t.Fatalf("huiqi %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic") {
		t.Fatalf("huiqi %s printed a Go stack trace:\n%s", strings.Join(args, " "), r.stderr)
	}
	return r
}

// copyDocs copies testdata/docs to a temporary folder that a test may edit.
func copyDocs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/docs")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata/docs", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no command", nil, "usage: huiqi COMMAND"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"policies", "--data", data, "--colour"}, "flag provided but not defined: -colour"},
		{"bad number", []string{"policies", "--data", data, "--limit", "many"}, `invalid value "many" for flag -limit`},
		{"zero limit", []string{"policies", "--data", data, "--limit", "0"}, "--limit must be ≥ 1"},
		{"show without ID", []string{"show", "--data", data}, "usage: huiqi show [--version N] ID"},
		{"show two IDs", []string{"show", "--data", data, "a", "b"}, "want one policy ID, got 2"},
		{"ingest nothing", []string{"ingest", "--data", data}, "no PATH to ingest"},
		{"data and db", []string{"ingest", "--data", data, "--db", "postgres://x/y", "testdata/docs"}, "give --data or --db, not both"},
		{"extract two files", []string{"extract", "a.txt", "b.txt"}, "want one FILE"},
		{"export as text", []string{"export", "--json=false", "abc"}, "JSON is the only export format"},
		{"migrate what", []string{"migrate", "--data", data, "sideways"}, "unexpected arguments"},
		{"help on nothing", []string{"help", "frobnicate"}, `no command "frobnicate"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := must(t, exitUsage, tt.args...)
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.stderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"extract", "ingest", "policies", "show", "export", "diff", "migrate", "version"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := must(t, exitOK, "help", name)
			if !strings.HasPrefix(r.stdout, "usage: huiqi "+name) {
				t.Errorf("help %s: %q", name, r.stdout)
			}
			if r2 := must(t, exitOK, name, "-h"); r2.stdout != r.stdout {
				t.Errorf("%s -h differs from help %s", name, name)
			}
		})
	}
	if r := must(t, exitOK, "help"); !strings.Contains(r.stdout, "ingest    extract files and folders") {
		t.Errorf("help: %q", r.stdout)
	}
	if r := must(t, exitOK, "version"); !strings.HasPrefix(r.stdout, "huiqi ") {
		t.Errorf("version: %q", r.stdout)
	}
}

// An empty data directory is not silently created by commands that only read.
func TestReadWithoutData(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "nothing")
	r := must(t, exitFail, "policies", "--data", data)
	if !strings.Contains(r.stderr, "no policies stored here yet") {
		t.Errorf("stderr %q", r.stderr)
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("policies created %s", data)
	}
}

var idPattern = regexp.MustCompile(`(?m)^([0-9a-f]{12})\s`)

// ids returns the policy IDs of a `huiqi policies` listing.
func ids(listing string) []string {
	var out []string
	for _, m := range idPattern.FindAllStringSubmatch(listing, -1) {
		out = append(out, m[1])
	}
	return out
}

// An interrupted ingest says so and exits 1, without a stack trace.
func TestIngestInterrupted(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as if SIGINT arrived at once
	var out, errOut bytes.Buffer
	code := Main(ctx, []string{"ingest", "--data", t.TempDir(), "testdata/docs"}, strings.NewReader(""), &out, &errOut)
	if code != exitFail || !strings.Contains(errOut.String(), "huiqi: interrupted") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}
