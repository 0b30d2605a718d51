package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeArchive writes files and then the manifest to a temporary file
// beside o.Out, syncs it and renames it to o.Out.
func writeArchive(ctx context.Context, o Options, files []source, m *Manifest) error {
	tmp, err := os.CreateTemp(filepath.Dir(o.Out), tempPrefix+"*.tar.gz")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer removeTemp(tmp)
	gz := gzip.NewWriter(tmp)
	tw := tar.NewWriter(gz)
	var total, done int64
	for _, f := range files {
		if st, err := os.Stat(f.path); err == nil {
			total += st.Size()
		}
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		fi, err := addFile(tw, f, func(n int64) {
			done += n
			o.Progress(Progress{Stage: "write", File: f.name, Done: done, Total: total})
		})
		if err != nil {
			return fmt.Errorf("backup: %s: %w", f.name, err)
		}
		m.Files = append(m.Files, fi)
	}
	if err := addManifest(tw, m); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	for _, c := range []io.Closer{tw, gz} {
		if err := c.Close(); err != nil {
			return fmt.Errorf("backup: write %s: %w", o.Out, err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("backup: write %s: %w", o.Out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup: write %s: %w", o.Out, err)
	}
	if err := os.Rename(tmp.Name(), o.Out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return syncDir(filepath.Dir(o.Out))
}

// addFile writes one file to tw, exactly the size it had when opened, and
// returns its size and digest. A file that shrinks meanwhile is an error.
func addFile(tw *tar.Writer, f source, progress func(n int64)) (FileInfo, error) {
	in, err := os.Open(f.path)
	if err != nil {
		return FileInfo{}, err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return FileInfo{}, err
	}
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: f.name, Size: st.Size(), Mode: int64(st.Mode().Perm()),
		ModTime: st.ModTime(), Format: tar.FormatPAX}
	if err := tw.WriteHeader(hdr); err != nil {
		return FileInfo{}, err
	}
	h := sha256.New()
	w := io.MultiWriter(tw, h, progressWriter(progress))
	if _, err := io.CopyN(w, in, st.Size()); err != nil {
		return FileInfo{}, fmt.Errorf("%w (did it change while it was read?)", err)
	}
	return FileInfo{Path: f.name, Size: st.Size(), SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func addManifest(tw *tar.Writer, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: ManifestName, Size: int64(len(b)), Mode: 0o644, ModTime: m.Created, Format: tar.FormatPAX}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = tw.Write(b)
	return err
}

// progressWriter counts what goes through it.
type progressWriter func(n int64)

func (p progressWriter) Write(b []byte) (int, error) {
	p(int64(len(b)))
	return len(b), nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	d.Sync() // not supported everywhere; the rename is done either way
	return nil
}
