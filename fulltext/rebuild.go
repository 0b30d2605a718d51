package fulltext

import (
	"fmt"
	"os"
)

// Rebuild is an empty index built beside an existing one, to replace it
// only when complete: a search during the rebuild, or after a failed one,
// still finds the old index whole.
type Rebuild struct {
	*index   // an alias: embedded as Index, the field would hide the method Index
	dir, tmp string
}

type index = Index

// NewRebuild creates an empty index beside dir (in dir + ".rebuild",
// removing what an interrupted rebuild left there).
func NewRebuild(dir string) (*Rebuild, error) {
	tmp := dir + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("fulltext: %w", err)
	}
	ix, err := Open(tmp)
	if err != nil {
		return nil, err
	}
	return &Rebuild{index: ix, dir: dir, tmp: tmp}, nil
}

// Commit closes the rebuilt index and puts it in place of the old one.
func (r *Rebuild) Commit() error {
	if err := r.index.Close(); err != nil {
		return err
	}
	old := r.dir + ".old"
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("fulltext: %w", err)
	}
	if err := os.Rename(r.dir, old); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("fulltext: %w", err)
	}
	if err := os.Rename(r.tmp, r.dir); err != nil {
		return fmt.Errorf("fulltext: %w", err)
	}
	return os.RemoveAll(old)
}

// Abort closes and removes the rebuilt index, leaving the old one.
func (r *Rebuild) Abort() error {
	err := r.index.Close()
	if rmErr := os.RemoveAll(r.tmp); err == nil {
		err = rmErr
	}
	return err
}
