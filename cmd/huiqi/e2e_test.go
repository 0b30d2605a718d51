package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestShowDiff walks the life of a corpus: ingest, list, show, export,
// re-ingest unchanged, ingest an edited document as version 2, diff.
func TestIngestShowDiff(t *testing.T) {
	t.Parallel()
	data, docs := t.TempDir(), copyDocs(t)

	r := must(t, exitOK, "ingest", "--data", data, docs, "testdata/records.jsonl")
	if !strings.Contains(r.stdout, "5 documents in 4 files: 5 created, 0 new versions, 0 unchanged, 0 failed") {
		t.Fatalf("ingest: %s", r.stdout)
	}

	r = must(t, exitOK, "policies", "--data", data)
	list := ids(r.stdout)
	if len(list) != 5 || !strings.Contains(r.stdout, "5 of 5 policies") {
		t.Fatalf("policies: %s", r.stdout)
	}
	var page struct {
		Total    int `json:"total"`
		Policies []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"policies"`
	}
	r = must(t, exitOK, "policies", "--data", data, "--json", "--limit", "2")
	if err := json.Unmarshal([]byte(r.stdout), &page); err != nil || page.Total != 5 || len(page.Policies) != 2 {
		t.Fatalf("policies --json: %v %s", err, r.stdout)
	}

	// zj17 is the 临海 e-commerce policy; find it by its title.
	var id string
	r = must(t, exitOK, "policies", "--data", data, "--json")
	json.Unmarshal([]byte(r.stdout), &page)
	for _, p := range page.Policies {
		if strings.Contains(p.Title, "电子商务") {
			id = p.ID
		}
	}
	if id == "" {
		t.Fatalf("no 电子商务 policy in %s", r.stdout)
	}

	r = must(t, exitOK, "show", "--data", data, id)
	for _, want := range []string{"电子商务", "version 1 of 1", "measures (", "万元", "clauses ("} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}

	r = must(t, exitOK, "export", "--json", "--data", data, id)
	var exported struct {
		ID       string            `json:"id"`
		Version  int               `json:"version"`
		Title    string            `json:"title"`
		Measures []json.RawMessage `json:"measures"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &exported); err != nil || exported.ID != id || exported.Version != 1 || len(exported.Measures) == 0 {
		t.Errorf("export: %v, %+v", err, exported)
	}

	r = must(t, exitFail, "show", "--data", data, "0123456789ab")
	if !strings.Contains(r.stderr, "huiqi: ") || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show of an unknown ID: %q", r.stderr)
	}
	r = must(t, exitFail, "diff", "--data", data, id)
	if !strings.Contains(r.stderr, "nothing to compare") {
		t.Errorf("diff of one version: %q", r.stderr)
	}

	r = must(t, exitOK, "ingest", "--data", data, docs, "testdata/records.jsonl")
	if !strings.Contains(r.stdout, "0 created, 0 new versions, 5 unchanged, 0 failed") {
		t.Errorf("re-ingest: %s", r.stdout)
	}

	// The same document with one amount raised becomes version 2.
	path := filepath.Join(docs, "zj17.txt")
	b, _ := os.ReadFile(path)
	edited := strings.Replace(string(b), "最高不超过200万元", "最高不超过300万元", 1)
	if edited == string(b) {
		t.Fatal("zj17.txt lacks the amount the test edits")
	}
	os.WriteFile(path, []byte(edited), 0o644)
	r = must(t, exitOK, "ingest", "--data", data, path)
	if !strings.Contains(r.stdout, "0 created, 1 new versions, 0 unchanged") {
		t.Fatalf("ingest of the edited file: %s", r.stdout)
	}

	r = must(t, exitOK, "diff", "--data", data, id)
	for _, want := range []string{"version 1 → 2", "-", "200万元", "+", "300万元", "@@ -"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, r.stdout)
		}
	}
	r2 := must(t, exitOK, "diff", "--data", data, id, "--from", "1", "--to", "2")
	if r2.stdout != r.stdout {
		t.Errorf("diff --from 1 --to 2 differs from the default")
	}
	r = must(t, exitOK, "show", "--data", data, id, "--version", "1")
	if !strings.Contains(r.stdout, "version 1 of 2") {
		t.Errorf("show --version 1: %s", r.stdout)
	}
	must(t, exitFail, "show", "--data", data, id, "--version", "3")
}

func TestIngestFailures(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	r := must(t, exitFail, "ingest", "--data", data, "testdata/bad", "testdata/docs/zj16.txt")
	if !strings.Contains(r.stdout, "1 created, 0 new versions, 0 unchanged, 2 failed") {
		t.Errorf("summary: %s", r.stdout)
	}
	for _, want := range []string{"huiqi: testdata/bad/broken.docx: ", "huiqi: testdata/bad/notes.xyz: "} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestExtract(t *testing.T) {
	t.Parallel()
	r := must(t, exitOK, "extract", "--json", "testdata/docs/zj17.txt")
	var p struct {
		Title    string            `json:"title"`
		Measures []json.RawMessage `json:"measures"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil || !strings.Contains(p.Title, "电子商务") || len(p.Measures) == 0 {
		t.Errorf("extract --json: %v %+v", err, p)
	}
	if !strings.Contains(r.stdout, "\n  \"title\"") {
		t.Errorf("extract --json is not indented")
	}

	r = must(t, exitOK, "extract", "--json", "testdata/records.jsonl")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("extract of a JSONL file printed %d lines, want 2", len(lines))
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("not one JSON object a line: %.80s", l)
		}
	}

	r = must(t, exitOK, "extract", "testdata/docs/zj17.txt")
	if !strings.Contains(r.stdout, "measures (") || !strings.Contains(r.stdout, "万元") {
		t.Errorf("extract summary: %s", r.stdout)
	}

	tests := []struct{ name, file, stderr string }{
		{"missing file", "testdata/nope.txt", "huiqi: testdata/nope.txt"},
		{"unsupported type", "testdata/bad/notes.xyz", "huiqi: testdata/bad/notes.xyz"},
		{"broken docx", "testdata/bad/broken.docx", "huiqi: testdata/bad/broken.docx"},
	}
	for _, tt := range tests {
		r := must(t, exitFail, "extract", tt.file)
		if !strings.HasPrefix(r.stderr, tt.stderr) {
			t.Errorf("%s: stderr %q, want it to start with %q", tt.name, r.stderr, tt.stderr)
		}
	}
}
