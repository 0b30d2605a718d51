package demo

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteTo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	n, err := WriteTo(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(Corpus(), "*/*.txt")
	if n != len(files) || n < 80 {
		t.Fatalf("wrote %d files, corpus has %d", n, len(files))
	}
	b, err := os.ReadFile(filepath.Join(dir, "seeds", "003_935ac3933a80a7ae.txt"))
	if err != nil || len(b) == 0 {
		t.Fatalf("seed 003 not written: %v", err)
	}
	if n, err := WriteTo(dir); err != nil || n != 0 {
		t.Errorf("second WriteTo wrote %d files (%v), want 0", n, err)
	}
}
