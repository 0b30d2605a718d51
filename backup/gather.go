package backup

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// source is a file to archive: its name in the archive and where it is read.
type source struct {
	name, path string
}

// tempPrefix starts the names of the folders and files Create and Restore
// work in; they are never backed up.
const tempPrefix = ".huiqi-backup-"

// gather lists the files to archive: the staged snapshot and index, then
// every other file of the data directory, sorted by name.
func gather(o Options, stage string, m *Manifest) ([]source, error) {
	staged, err := walk(stage, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	out, _ := filepath.Abs(o.Out)
	skip := func(rel, abs string) bool {
		top, _, _ := strings.Cut(rel, "/")
		return abs == out || strings.HasPrefix(top, tempPrefix) ||
			o.Store != "" && slices.Contains([]string{o.Store, o.Store + "-wal", o.Store + "-shm", o.Store + "-journal"}, rel) ||
			o.Index != "" && slices.Contains([]string{o.Index, o.Index + ".rebuild", o.Index + ".old"}, top)
	}
	rest, err := walk(o.DataDir, skip, &m.Skipped)
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	all := append(staged, rest...)
	slices.SortFunc(all, func(a, b source) int { return strings.Compare(a.name, b.name) })
	return all, nil
}

// walk lists the regular files under root but those skip names, noting
// in skipped what is neither a regular file nor a folder.
func walk(root string, skip func(rel, abs string) bool, skipped *[]string) ([]source, error) {
	var list []source
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		abs, _ := filepath.Abs(p)
		if rel == "." {
			return nil
		}
		if skip != nil && skip(rel, abs) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case d.Type().IsRegular():
			list = append(list, source{name: rel, path: p})
		case skipped != nil:
			*skipped = append(*skipped, rel)
		}
		return nil
	})
	return list, err
}

// removeTemp removes a temporary file when it is still there.
func removeTemp(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}
