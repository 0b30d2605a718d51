// Package demo carries the demo corpus inside the binary, so that the product
// can be tried on a fresh machine with no files of one's own.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed corpus
var corpus embed.FS

// Corpus returns the demo documents as a file system rooted at the corpus folder.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the folder is embedded at build time; its absence is a build bug
	}
	return sub
}

// WriteTo copies the demo documents into dir (created if needed) and returns
// the number of files written. Existing files with the same content are left
// as they are, so running it twice changes nothing.
func WriteTo(dir string) (int, error) {
	n := 0
	err := fs.WalkDir(Corpus(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" {
			return err
		}
		data, err := fs.ReadFile(Corpus(), path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(path))
		if old, err := os.ReadFile(dst); err == nil && string(old) == string(data) {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		n++
		return nil
	})
	return n, err
}
