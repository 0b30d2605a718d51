package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Options says what Create backs up and where.
type Options struct {
	// DataDir is the data directory; Out the archive to write (.tar.gz).
	DataDir, Out string
	// Store is the SQLite store's file name in DataDir ("" when the
	// database is elsewhere); its -wal, -shm and -journal files are never
	// copied, the snapshot holds what they do.
	Store string
	// Index is the search index's folder in DataDir ("" for none).
	Index string
	// CheckIndex opens the index copied to root/Index and closes it. An
	// error means the copy is torn (written to while copied): it is taken
	// again, and left out for a rebuild on restore when that fails too.
	CheckIndex func(ctx context.Context, root string) error
	// Version is the huiqi version recorded in the manifest.
	Version  string
	Progress func(Progress)
	Now      func() time.Time
}

// indexAttempts is how many times a torn index copy is taken again.
const indexAttempts = 3

// Create writes a backup of o.DataDir to o.Out and returns its manifest.
// The files are first gathered in a folder beside o.Out (the snapshot,
// the index copy), then written to a temporary file renamed to o.Out.
func Create(ctx context.Context, o Options) (*Manifest, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Progress == nil {
		o.Progress = func(Progress) {}
	}
	if st, err := os.Stat(o.DataDir); err != nil || !st.IsDir() {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "backup: data directory %s does not exist", o.DataDir)
	}
	stage, err := os.MkdirTemp(filepath.Dir(o.Out), ".huiqi-backup-")
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(stage)
	m := &Manifest{Format: Format, Version: o.Version, Created: o.Now().UTC(), DataDir: o.DataDir, Store: o.Store}
	if err := snapshotStore(ctx, o, stage); err != nil {
		return nil, err
	}
	if err := copyIndex(ctx, o, stage, m); err != nil {
		return nil, err
	}
	files, err := gather(o, stage, m)
	if err != nil {
		return nil, err
	}
	if err := writeArchive(ctx, o, files, m); err != nil {
		return nil, err
	}
	return m, nil
}

// snapshotStore writes the store's snapshot into stage.
func snapshotStore(ctx context.Context, o Options, stage string) error {
	if o.Store == "" {
		return nil
	}
	src := filepath.Join(o.DataDir, o.Store)
	if _, err := os.Stat(src); err != nil {
		return huiqi.Errorf(huiqi.ENOTFOUND, "backup: no store %s in %s", o.Store, o.DataDir)
	}
	o.Progress(Progress{Stage: "snapshot", File: o.Store})
	return vacuumInto(ctx, src, filepath.Join(stage, o.Store))
}

// copyIndex copies the search index into stage until a copy opens, at
// most indexAttempts times; after that the manifest asks for a rebuild.
func copyIndex(ctx context.Context, o Options, stage string, m *Manifest) error {
	if o.Index == "" {
		return nil
	}
	src, dst := filepath.Join(o.DataDir, o.Index), filepath.Join(stage, o.Index)
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	o.Progress(Progress{Stage: "snapshot", File: o.Index})
	for range indexAttempts {
		if err := os.RemoveAll(dst); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		if err := copyTree(src, dst); err != nil {
			return fmt.Errorf("backup: copy %s: %w", src, err)
		}
		if o.CheckIndex == nil || o.CheckIndex(ctx, stage) == nil {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	m.IndexRebuild = true
	return os.RemoveAll(dst)
}
