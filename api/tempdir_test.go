package api_test

import (
	"os"
	"testing"
)

// tempDirs are the shared fixture's directories, removed after all tests.
var tempDirs []string

func tempDir() (string, error) {
	dir, err := os.MkdirTemp("", "huiqi-api-test-")
	tempDirs = append(tempDirs, dir)
	return dir, err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Store.Close()
		shared.Index.Close()
	}
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
