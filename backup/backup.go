// Package backup writes and restores a consistent copy of huiqi's data
// directory as one .tar.gz: the SQLite store as a snapshot taken with
// VACUUM INTO (a read transaction, so writers go on), the search index's
// files copied and checked, every other file as it is, and a manifest with
// the size and SHA-256 of each. A backup is written to a temporary file and
// renamed, so a file under the final name is always whole; a restore
// verifies every checksum before it writes anything, builds the new
// directory beside the target and renames it into place.
package backup

import (
	"encoding/json"
	"fmt"
	"time"
)

// ManifestName is the manifest's entry in an archive, written last.
const ManifestName = "manifest.json"

// Format is the version of the archive layout this package writes and reads.
const Format = 1

// Manifest describes a backup.
type Manifest struct {
	Format  int       `json:"format"`
	Version string    `json:"huiqi_version"`
	Created time.Time `json:"created"`
	// DataDir is the directory that was backed up, as given.
	DataDir string `json:"data_dir"`
	// Store is the SQLite store's file among Files, "" when the database
	// is elsewhere (PostgreSQL, backed up with pg_dump).
	Store string `json:"store,omitempty"`
	// IndexRebuild is set when the search index could not be copied whole
	// (it was being written): the archive lacks it and a restore rebuilds
	// it from the store.
	IndexRebuild bool `json:"index_rebuild,omitempty"`
	// Skipped lists what was not backed up: symbolic links, sockets and
	// other files that are not regular files.
	Skipped []string   `json:"skipped,omitempty"`
	Files   []FileInfo `json:"files"`
}

// FileInfo is one file of a backup: its path relative to the data
// directory, with forward slashes.
type FileInfo struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Size is the total size of the files.
func (m *Manifest) Size() int64 {
	var n int64
	for _, f := range m.Files {
		n += f.Size
	}
	return n
}

// Progress is how far a backup or restore is: Stage is "snapshot",
// "write", "verify" or "extract"; Done and Total count bytes (of the
// archive when verifying and extracting).
type Progress struct {
	Stage       string
	File        string
	Done, Total int64
}

func parseManifest(b []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestName, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: archive format %d, this huiqi reads format %d", ManifestName, m.Format, Format)
	}
	return &m, nil
}
