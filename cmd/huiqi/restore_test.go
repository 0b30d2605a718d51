package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// editArchive rewrites the archive src into a new file through edit, which
// gets each entry's header and content.
func editArchive(t *testing.T, src string, edit func(hdr *tar.Header, data []byte) []byte, extra ...*tar.Header) string {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	gw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gw)
	for _, h := range extra {
		tw.WriteHeader(h)
		tw.Write(make([]byte, h.Size))
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		data = edit(hdr, data)
		hdr.Size = int64(len(data))
		tw.WriteHeader(hdr)
		tw.Write(data)
	}
	tw.Close()
	gw.Close()
	out := filepath.Join(t.TempDir(), "edited.tar.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRestoreRefusals(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "b.tar.gz")
	must(t, exitOK, "ingest", "--data", data, copyDocs(t))
	must(t, exitOK, "backup", "--data", data, "--out", out, "--quiet")
	same := func(_ *tar.Header, b []byte) []byte { return b }
	tampered := editArchive(t, out, func(hdr *tar.Header, b []byte) []byte {
		if hdr.Name == "huiqi.db" {
			b[len(b)/3] ^= 0x20
		}
		return b
	})
	traversal := editArchive(t, out, same, &tar.Header{Typeflag: tar.TypeReg, Name: "../../evil.sh", Size: 4, Mode: 0o755})
	absolute := editArchive(t, out, same, &tar.Header{Typeflag: tar.TypeReg, Name: "/tmp/evil.sh", Size: 4, Mode: 0o755})
	full := filepath.Join(t.TempDir(), "full")
	os.MkdirAll(full, 0o750)
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644)

	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"one byte changed", []string{"--from", tampered}, exitFail, "file huiqi.db: checksum mismatch"},
		{"traversal entry", []string{"--from", traversal}, exitFail, `entry "../../evil.sh" has an unsafe path`},
		{"absolute entry", []string{"--from", absolute}, exitFail, `entry "/tmp/evil.sh" has an unsafe path`},
		{"missing archive", []string{"--from", filepath.Join(dir, "nope.tar.gz")}, exitFail, "no such file"},
		{"non-empty directory", []string{"--from", out, "--data", full}, exitFail, "is not empty: restore into a new directory, or give --force"},
		{"no archive given", nil, exitUsage, "--from FILE is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			target := filepath.Join(t.TempDir(), "restored")
			args := append([]string{"restore", "--data", target, "--quiet"}, tc.args...)
			r := must(t, tc.code, args...)
			if !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("stderr:\n%s\nwant %q", r.stderr, tc.msg)
			}
			if entries, _ := os.ReadDir(filepath.Dir(target)); len(entries) != 0 {
				t.Errorf("written although refused: %v", entries)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(full, "keep.txt")); err != nil || string(b) != "mine" {
		t.Fatalf("the refused restore touched the directory: %q %v", b, err)
	}
	r := must(t, exitOK, "restore", "--from", out, "--data", full, "--force", "--quiet")
	if !strings.Contains(r.stdout, "the previous data directory was replaced") {
		t.Errorf("restore --force said: %s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(full, "keep.txt")); err == nil {
		t.Error("the replaced directory is still there")
	}
	must(t, exitOK, "policies", "--data", full)
}

// TestRestoreRebuildsIndex restores a backup without its search index:
// the index is rebuilt from the store and finds what the original finds.
func TestRestoreRebuildsIndex(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "b.tar.gz")
	must(t, exitOK, "ingest", "--data", data, copyDocs(t))
	must(t, exitOK, "backup", "--data", data, "--out", out, "--quiet")
	// The index's files damaged in the backup, with the manifest agreeing:
	// the checksums pass, the index does not open.
	noIndex := editArchive(t, out, func(hdr *tar.Header, b []byte) []byte {
		if hdr.Name == "manifest.json" {
			return bytes.ReplaceAll(b, []byte(`"path": "index/`), []byte(`"path": "index/x`))
		}
		if strings.HasPrefix(hdr.Name, "index/") {
			hdr.Name = "index/x" + strings.TrimPrefix(hdr.Name, "index/")
		}
		return b
	})
	restored := filepath.Join(dir, "restored")
	r := must(t, exitOK, "restore", "--from", noIndex, "--data", restored, "--quiet")
	if !strings.Contains(r.stdout, "search index: rebuilt from the store, 3 policies") {
		t.Fatalf("restore said:\n%s", r.stdout)
	}
	a := must(t, exitOK, "search", "--data", data, "--json", "电子商务").stdout
	b := must(t, exitOK, "search", "--data", restored, "--json", "电子商务").stdout
	if !strings.Contains(b, "临海市促进电子商务") || len(a) == 0 {
		t.Errorf("search of the rebuilt index:\n%s", b)
	}
}
