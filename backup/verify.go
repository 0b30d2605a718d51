package backup

import (
	"fmt"
	"slices"

	"github.com/huiqi-dev/huiqi"
)

// verify compares the files read from an archive with its manifest: every
// file listed is there with its size and digest, and nothing else is.
func verify(from string, m *Manifest, got map[string]FileInfo) error {
	listed := make(map[string]bool, len(m.Files))
	for _, want := range m.Files {
		listed[want.Path] = true
		f, ok := got[want.Path]
		switch {
		case !ok:
			return huiqi.Errorf(huiqi.EINVALID, "restore: %s: file %s listed in the manifest is missing from the archive", from, want.Path)
		case f.Size != want.Size:
			return huiqi.Errorf(huiqi.EINVALID, "restore: %s: file %s has %d bytes, the manifest says %d: the archive is damaged or was altered", from, want.Path, f.Size, want.Size)
		case f.SHA256 != want.SHA256:
			return huiqi.Errorf(huiqi.EINVALID, "restore: %s: file %s: checksum mismatch (sha256 %s, the manifest says %s): the archive is damaged or was altered", from, want.Path, f.SHA256, want.SHA256)
		}
	}
	var extra []string
	for name := range got {
		if !listed[name] {
			extra = append(extra, name)
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		return huiqi.Errorf(huiqi.EINVALID, "restore: %s: file %s is not in the manifest: the archive was altered", from, extra[0])
	}
	if m.Store != "" && !listed[m.Store] {
		return huiqi.Errorf(huiqi.EINVALID, "restore: %s: the store %s named by the manifest is not among its files", from, m.Store)
	}
	return nil
}

// checkSum checks one extracted file against the manifest.
func checkSum(m *Manifest, f FileInfo) error {
	for _, want := range m.Files {
		if want.Path == f.Path {
			if want != f {
				return fmt.Errorf("file %s changed since it was verified", f.Path)
			}
			return nil
		}
	}
	return fmt.Errorf("file %s is not in the manifest", f.Path)
}
