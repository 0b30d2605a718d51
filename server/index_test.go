package server_test

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/fulltext"
)

// openIndex opens the embedded full-text index the site tests run against.
func openIndex(dir string) (huiqi.SearchIndex, error) { return fulltext.Open(dir) }
