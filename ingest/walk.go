package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// input is one file to read.
type input struct {
	path string
	size int64
}

// walk lists the files under the given paths: folders recursively in lexical
// order, hidden files and folders skipped. Only paths and sizes are kept, so
// a large corpus costs a few bytes a file here. Paths that cannot be read are
// returned as failures.
func walk(roots []string) ([]input, []Failure) {
	var files []input
	var failures []Failure
	for _, root := range roots {
		info, err := os.Stat(root) // follows a link given as a root, as a user expects
		if err != nil {
			failures = append(failures, Failure{Name: root, Reason: reason(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, input{path: root, size: info.Size()})
			continue
		}
		// A trailing separator makes WalkDir follow a root that is a link to a folder.
		top := strings.TrimSuffix(root, string(filepath.Separator)) + string(filepath.Separator)
		err = filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{Name: path, Reason: reason(err)})
				return nil // keep walking what can be read
			}
			if path != top && hidden(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil // directories are walked; devices, pipes and links are not documents
			}
			info, err := d.Info()
			if err != nil {
				failures = append(failures, Failure{Name: path, Reason: reason(err)})
				return nil
			}
			files = append(files, input{path: path, size: info.Size()})
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{Name: root, Reason: reason(err)})
		}
	}
	return files, failures
}

// hidden reports whether a file name is hidden by Unix convention (.git, .DS_Store).
func hidden(name string) bool { return strings.HasPrefix(name, ".") && name != "." && name != ".." }

// reason turns a file system error into a message without the path, which the
// failure already names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if os.IsNotExist(pe.Err) {
			return "no such file or directory"
		}
		return pe.Err.Error()
	}
	return err.Error()
}
