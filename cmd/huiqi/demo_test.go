package main

import (
	"path/filepath"
	"regexp"
	"testing"
)

// TestDemo runs the README's first command twice on a fresh data directory:
// the first run stores the built-in corpus, the second changes nothing.
func TestDemo(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "data")
	first := must(t, exitOK, "demo", "--data", data)
	m := regexp.MustCompile(`(\d+) documents in \d+ files: (\d+) created, (\d+) new versions, (\d+) unchanged, 0 failed`).FindStringSubmatch(first.stdout)
	if m == nil || m[1] != "86" {
		t.Fatalf("first demo run did not store the 86 demo documents:\n%s", first.stdout)
	}
	if !regexp.MustCompile(`of \d+ policies`).MatchString(first.stdout) {
		t.Errorf("first demo run lists no policies:\n%s", first.stdout)
	}
	second := must(t, exitOK, "demo", "--data", data)
	if !regexp.MustCompile(`86 documents in 86 files: 0 created, 0 new versions, 86 unchanged, 0 failed`).MatchString(second.stdout) {
		t.Errorf("second demo run changed the store:\n%s", second.stdout)
	}
	list := must(t, exitOK, "policies", "--data", data, "--limit", "200")
	if !regexp.MustCompile(`云岩区提升科技创新动能行动方案`).MatchString(list.stdout) {
		t.Errorf("policies does not list seed 003:\n%s", list.stdout)
	}
}
