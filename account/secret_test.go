package account

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadSecretCreatesOnce(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	noEnv := func(string) string { return "" }
	s1, err := loadSecret(dir, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, SecretFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(s1) != 32 || fi.Mode().Perm() != 0o600 {
		t.Errorf("secret of %d bytes, file mode %v", len(s1), fi.Mode().Perm())
	}
	s2, err := loadSecret(dir, noEnv)
	if err != nil || !bytes.Equal(s1, s2) {
		t.Errorf("second load: %v, equal %v", err, bytes.Equal(s1, s2))
	}
	if left, _ := filepath.Glob(filepath.Join(dir, SecretFile+".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestLoadSecretFromEnv(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hex64 := strings.Repeat("ab", 32)
	s, err := loadSecret(dir, func(k string) string { return map[string]string{"HUIQI_SECRET": hex64}[k] })
	if err != nil || len(s) != 32 || s[0] != 0xab {
		t.Fatalf("%x, %v", s, err)
	}
	if _, err := os.Stat(filepath.Join(dir, SecretFile)); err == nil {
		t.Error("a secret file was written although HUIQI_SECRET is set")
	}
	for _, bad := range []string{strings.Repeat("ab", 31), "not hex at all, not hex at all, not hex at all, not hex at all!"} {
		_, err := loadSecret(dir, func(string) string { return bad })
		if err == nil || strings.Contains(err.Error(), bad) {
			t.Errorf("HUIQI_SECRET=%q: %v", bad, err)
		}
	}
}

func TestLoadSecretShortFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, SecretFile), []byte("abcd\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadSecret(dir, func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "at least 32 bytes") {
		t.Errorf("short secret file: %v", err)
	}
}
