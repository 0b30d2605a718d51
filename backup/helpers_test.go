package backup

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// openDB opens a SQLite database in WAL mode, as the store does.
func openDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS notes (n INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return db
}

// dataDir makes a data directory: a store with rows (its connection left
// open, so its -wal file is there), an index folder, a secret key, a
// nested file and a symbolic link.
func dataDir(t testing.TB) (string, *sql.DB) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	write := func(name string, data string, perm os.FileMode) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), perm); err != nil {
			t.Fatal(err)
		}
	}
	write("index/index_meta.json", `{"storage":"scorch"}`, 0o644)
	write("index/store/000000000001.zap", "segment 政策", 0o644)
	write("secret.key", "0123456789abcdef", 0o600)
	write("originals/报告.txt", "原件", 0o644)
	write("index.rebuild/half", "an interrupted rebuild", 0o644)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	db := openDB(t, filepath.Join(dir, "huiqi.db"))
	for i := 1; i <= 100; i++ {
		if _, err := db.Exec(`INSERT INTO notes (n, body) VALUES (?, ?)`, i, "政策"); err != nil {
			t.Fatal(err)
		}
	}
	return dir, db
}

func options(dir, out string) Options {
	return Options{DataDir: dir, Out: out, Store: "huiqi.db", Index: "index", Version: "test",
		Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }}
}

// mustCreate backs dir up to a new archive and returns its path.
func mustCreate(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "backup.tar.gz")
	if _, err := Create(context.Background(), options(dir, out)); err != nil {
		t.Fatal(err)
	}
	return out
}

// tarEntry is one entry of an archive being rewritten.
type tarEntry struct {
	hdr  *tar.Header
	data []byte
}

// rewrite copies the archive src to a new one, through edit, which may
// change, drop (nil) or add entries.
func rewrite(t testing.TB, src string, edit func([]tarEntry) []tarEntry) string {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var es []tarEntry
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		es = append(es, tarEntry{hdr, b})
	}
	var buf bytes.Buffer
	gw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gw)
	for _, e := range edit(es) {
		e.hdr.Size = int64(len(e.data))
		if err := tw.WriteHeader(e.hdr); err != nil {
			t.Fatal(err)
		}
		tw.Write(e.data)
	}
	tw.Close()
	gw.Close()
	out := filepath.Join(t.TempDir(), "edited.tar.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// siblings lists what is in dir's parent, to check nothing was left there.
func siblings(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
