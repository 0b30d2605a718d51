package main

// Wiring of huiqi backup and huiqi restore: the store's file name and the
// search index's folder in the data directory, and the index check.

import (
	"context"
	"runtime/debug"

	"github.com/huiqi-dev/huiqi/sqlite"
)

const (
	storeFile   = sqlite.FileName
	indexFolder = "index" // see openIndex
)

// checkIndexCopy opens the embedded search index in root/index and closes
// it: a copy taken while the index was written may not open.
func checkIndexCopy(ctx context.Context, root string) error {
	ix, err := openIndex(ctx, Config{DataDir: root, NoSearchCache: true})
	if err != nil {
		return err
	}
	return ix.Close()
}

// huiqiVersion is the version `huiqi version` prints, without Go's.
func huiqiVersion() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok && v == "" {
		v = info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				v += " " + s.Value
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}
