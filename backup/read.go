package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// maxManifest bounds the manifest read into memory.
const maxManifest = 64 << 20

// entryFunc handles one file of an archive; r yields its content. What
// it leaves unread is read (and hashed) after it returns.
type entryFunc func(hdr *tar.Header, r io.Reader) error

// readArchive calls fn for each file of the archive at from, and returns
// the manifest with, for every file, its size and digest as read. Entries
// that are not regular files or whose names could leave the folder they
// are extracted to are refused before fn sees them.
func readArchive(ctx context.Context, from, stage string, progress func(Progress), fn entryFunc) (*Manifest, map[string]FileInfo, error) {
	f, err := os.Open(from)
	if err != nil {
		return nil, nil, huiqi.Errorf(huiqi.ENOTFOUND, "restore: %v", err)
	}
	defer f.Close()
	st, _ := f.Stat()
	counted := &countReader{r: f, progress: func(n int64) {
		progress(Progress{Stage: stage, Done: n, Total: st.Size()})
	}}
	gz, err := gzip.NewReader(counted)
	if err != nil {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "restore: %s is not a huiqi backup (.tar.gz): %v", from, err)
	}
	tr := tar.NewReader(gz)
	seen := map[string]FileInfo{}
	var manifest []byte
	for {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, huiqi.Errorf(huiqi.EINVALID, "restore: %s is damaged: %v", from, err)
		}
		if err := checkEntry(hdr, seen); err != nil {
			return nil, nil, huiqi.Errorf(huiqi.EINVALID, "restore: %s: %v", from, err)
		}
		if hdr.Name == ManifestName {
			if manifest, err = io.ReadAll(io.LimitReader(tr, maxManifest)); err != nil {
				return nil, nil, huiqi.Errorf(huiqi.EINVALID, "restore: %s is damaged: reading %s: %v", from, hdr.Name, err)
			}
			seen[hdr.Name] = FileInfo{}
			continue
		}
		fi, err := readEntry(hdr, tr, fn)
		if err != nil {
			return nil, nil, readError(from, hdr.Name, err)
		}
		seen[hdr.Name] = fi
	}
	if manifest == nil {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "restore: %s has no %s: not a huiqi backup", from, ManifestName)
	}
	m, err := parseManifest(manifest)
	if err != nil {
		return nil, nil, huiqi.Errorf(huiqi.EINVALID, "restore: %s: %v", from, err)
	}
	delete(seen, ManifestName)
	return m, seen, nil
}

// checkEntry refuses an entry that is not a regular file, a name that is
// absolute, holds "..", a backslash or a drive, or was seen before.
func checkEntry(hdr *tar.Header, seen map[string]FileInfo) error {
	name := hdr.Name
	if hdr.Typeflag != tar.TypeReg && hdr.Typeflag != tar.TypeRegA {
		return fmt.Errorf("entry %q is not a regular file (type %q): refused", name, hdr.Typeflag)
	}
	if name == "" || name == "." || strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\:\x00") ||
		path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") {
		return fmt.Errorf("entry %q has an unsafe path (absolute, .. or a drive): refused", name)
	}
	if _, dup := seen[name]; dup {
		return fmt.Errorf("entry %q appears twice: refused", name)
	}
	return nil
}

// readError names the entry being read when the archive failed.
func readError(from, name string, err error) error {
	var h handlerError
	if errors.As(err, &h) {
		return fmt.Errorf("restore: %s: %w", name, h.error)
	}
	return huiqi.Errorf(huiqi.EINVALID, "restore: %s is damaged: reading %s: %v", from, name, err)
}

// readEntry reads one entry through, handing it to fn when there is one,
// and returns its size and digest.
func readEntry(hdr *tar.Header, r io.Reader, fn entryFunc) (FileInfo, error) {
	h := sha256.New()
	c := &countReader{r: io.TeeReader(r, h), progress: func(int64) {}}
	if fn != nil {
		if err := fn(hdr, c); err != nil {
			return FileInfo{}, handlerError{err}
		}
	}
	if _, err := io.Copy(io.Discard, c); err != nil {
		return FileInfo{}, err
	}
	return FileInfo{Path: hdr.Name, Size: c.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// handlerError is an error of an entryFunc, not of the archive.
type handlerError struct{ error }

func (h handlerError) Unwrap() error { return h.error }

// countReader reports how many bytes were read through it.
type countReader struct {
	r        io.Reader
	n        int64
	progress func(int64)
}

func (c *countReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	c.progress(c.n)
	return n, err
}
