package fulltext_test

import (
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/fulltext"
	"github.com/huiqi-dev/huiqi/searchtest"
)

func open(t *testing.T) huiqi.SearchIndex {
	t.Helper()
	ix, err := fulltext.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestSuite(t *testing.T) {
	t.Parallel()
	searchtest.Run(t, open)
}
