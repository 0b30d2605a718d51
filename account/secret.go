package account

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// SecretFile is the name of the secret's file in the data directory.
const SecretFile = "secret.key"

// LoadSecret returns the server's secret: HUIQI_SECRET (hex, at least 32
// bytes) when set, else the hex in <dataDir>/secret.key, which is created
// with 32 random bytes and mode 0600 when absent. Keep it: a new secret
// voids every verification code already sent.
func LoadSecret(dataDir string) ([]byte, error) { return loadSecret(dataDir, os.Getenv) }

func loadSecret(dataDir string, getenv func(string) string) ([]byte, error) {
	if v := getenv("HUIQI_SECRET"); v != "" {
		return decodeSecret("HUIQI_SECRET", v)
	}
	path := filepath.Join(dataDir, SecretFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createSecret(dataDir, path)
	} else if err != nil {
		return nil, fmt.Errorf("read secret: %w", err)
	}
	return decodeSecret(path, string(b))
}

// decodeSecret reads hex, naming where it came from but never the value.
func decodeSecret(from, s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s: the secret must be hex digits", from)
	}
	if len(b) < 32 {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s: the secret must be at least 32 bytes (64 hex digits), got %d", from, len(b))
	}
	return b, nil
}

// createSecret writes a new secret to a temporary file and links it into
// place, so no process ever reads a half-written secret; when another
// process linked one first, that one is read instead.
func createSecret(dataDir, path string) ([]byte, error) {
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("create secret: %w", err)
	}
	f, err := os.CreateTemp(dataDir, SecretFile+".*")
	if err != nil {
		return nil, fmt.Errorf("create secret: %w", err)
	}
	defer os.Remove(f.Name())
	secret := randomBytes(32)
	_, err = f.WriteString(hex.EncodeToString(secret) + "\n")
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Link(f.Name(), path)
	}
	if errors.Is(err, fs.ErrExist) {
		return loadSecret(dataDir, func(string) string { return "" })
	} else if err != nil {
		return nil, fmt.Errorf("create secret: %w", err)
	}
	return secret, nil
}
