package backup

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// RestoreOptions says what Restore restores and where.
type RestoreOptions struct {
	// From is the archive; DataDir the data directory to restore into.
	From, DataDir string
	// Force replaces a DataDir that is not empty; it is kept beside, as
	// DataDir.old-<time>, until the restored one is in place.
	Force bool
	// Prepare runs on the restored files in their temporary folder, after
	// the store's integrity check and before they are put in place (to
	// check the search index, and rebuild it when it does not open).
	Prepare  func(ctx context.Context, dir string, m *Manifest) error
	Progress func(Progress)
	Now      func() time.Time
}

// Restored tells what Restore did.
type Restored struct {
	Manifest *Manifest
	// Replaced is the folder the previous data directory was moved to
	// and, once the restore succeeded, removed; "" when there was none.
	Replaced string
}

// Restore verifies the archive o.From whole against its manifest, without
// writing anything; then extracts it into a folder beside o.DataDir,
// checks the store's integrity, runs o.Prepare, and renames the folder to
// o.DataDir.
func Restore(ctx context.Context, o RestoreOptions) (*Restored, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Progress == nil {
		o.Progress = func(Progress) {}
	}
	full, err := checkTarget(o.DataDir, o.Force)
	if err != nil {
		return nil, err
	}
	m, got, err := readArchive(ctx, o.From, "verify", o.Progress, nil)
	if err != nil {
		return nil, err
	}
	if err := verify(o.From, m, got); err != nil {
		return nil, err
	}
	tmp, err := extract(ctx, o, m)
	if err != nil {
		return nil, err
	}
	placed := false
	defer func() {
		if !placed {
			os.RemoveAll(tmp)
		}
	}()
	if m.Store != "" {
		if err := IntegrityCheck(ctx, filepath.Join(tmp, filepath.FromSlash(m.Store))); err != nil {
			return nil, fmt.Errorf("restore: %w", err)
		}
	}
	if o.Prepare != nil {
		if err := o.Prepare(ctx, tmp, m); err != nil {
			return nil, err
		}
	}
	old, err := place(o, tmp, full)
	if err != nil {
		return nil, err
	}
	placed = true
	return &Restored{Manifest: m, Replaced: old}, nil
}

// checkTarget refuses a data directory that is not empty, unless force,
// and tells whether it is.
func checkTarget(dir string, force bool) (full bool, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("restore: %w", err)
	case len(entries) > 0 && !force:
		return true, huiqi.Errorf(huiqi.ECONFLICT, "restore: %s is not empty: restore into a new directory, or give --force to replace it", dir)
	}
	return len(entries) > 0, nil
}

// extract writes the archive's files into a new folder beside o.DataDir,
// checking each against the manifest again as it is written.
func extract(ctx context.Context, o RestoreOptions, m *Manifest) (string, error) {
	target, err := filepath.Abs(o.DataDir)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o750); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(target), filepath.Base(target)+".restore-")
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	_, got, err := readArchive(ctx, o.From, "extract", o.Progress, func(hdr *tar.Header, r io.Reader) error {
		return writeFile(tmp, hdr, r)
	})
	if err == nil {
		err = verify(o.From, m, got)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return tmp, nil
}

// writeFile writes one entry under root, created anew and synced.
func writeFile(root string, hdr *tar.Header, r io.Reader) error {
	dst := filepath.Join(root, filepath.FromSlash(hdr.Name))
	if !strings.HasPrefix(dst, root+string(filepath.Separator)) {
		return fmt.Errorf("entry %q leaves the data directory", hdr.Name)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return err
	}
	perm := os.FileMode(hdr.Mode).Perm()&0o644 | 0o600
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// place renames tmp to o.DataDir. A full data directory is first moved to
// DataDir.old-<time>, put back when the rename fails, removed after.
func place(o RestoreOptions, tmp string, full bool) (old string, err error) {
	if full {
		old = fmt.Sprintf("%s.old-%s", filepath.Clean(o.DataDir), o.Now().Format("20060102-150405"))
		if err := os.Rename(o.DataDir, old); err != nil {
			return "", fmt.Errorf("restore: %w", err)
		}
	} else if err := os.Remove(o.DataDir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("restore: %w", err)
	}
	if err := os.Rename(tmp, o.DataDir); err != nil {
		if old != "" {
			os.Rename(old, o.DataDir)
		}
		return "", fmt.Errorf("restore: %w", err)
	}
	syncDir(filepath.Dir(filepath.Clean(o.DataDir)))
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return old, fmt.Errorf("restore: restored, but the previous data in %s could not be removed: %w", old, err)
		}
	}
	return old, nil
}
