package postgres_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/searchtest"
)

// TestSearchIndex runs the suite every search index passes, each subtest in
// its own throwaway database (the subtests run in parallel).
func TestSearchIndex(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) huiqi.SearchIndex {
		return openSearch(t)
	})
}
