package searchtest

import (
	"fmt"
	"io/fs"
	"path"
	"sync"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/extract"
)

var (
	corpusOnce sync.Once
	corpus     []*huiqi.Policy
	corpusErr  error
)

// Corpus returns the demo corpus (demo.Corpus) decoded and extracted, each
// policy with its ID and version 1 set as a store would. It is extracted
// once per process; callers must not change the policies (Clone them).
func Corpus() ([]*huiqi.Policy, error) {
	corpusOnce.Do(func() { corpus, corpusErr = extractCorpus(demo.Corpus()) })
	return corpus, corpusErr
}

func extractCorpus(fsys fs.FS) ([]*huiqi.Policy, error) {
	var out []*huiqi.Policy
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".txt" {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		docs, err := decode.Bytes(path.Base(name), data)
		if err != nil {
			return fmt.Errorf("searchtest: decode %s: %w", name, err)
		}
		for _, doc := range docs {
			p, err := extract.Extract(doc)
			if err != nil {
				return fmt.Errorf("searchtest: extract %s: %w", name, err)
			}
			p.ID = huiqi.PolicyID(huiqi.IdentityKey(p))
			p.Version = 1
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
