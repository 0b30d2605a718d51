package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, _ := dataDir(t)
	out := filepath.Join(t.TempDir(), "b.tar.gz")
	m, err := Create(ctx, options(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.Path)
	}
	want := []string{"huiqi.db", "index/index_meta.json", "index/store/000000000001.zap", "originals/报告.txt", "secret.key"}
	if !slices.Equal(paths, want) || !slices.Equal(m.Skipped, []string{"link"}) || m.Store != "huiqi.db" || m.Version != "test" {
		t.Fatalf("manifest: files %q, skipped %q, %+v", paths, m.Skipped, m)
	}
	if leftovers := siblings(t, out); !slices.Equal(leftovers, []string{"b.tar.gz"}) {
		t.Errorf("beside the archive: %q", leftovers)
	}

	target := filepath.Join(t.TempDir(), "restored")
	r, err := Restore(ctx, RestoreOptions{From: out, DataDir: target})
	if err != nil {
		t.Fatal(err)
	}
	if r.Replaced != "" || len(r.Manifest.Files) != len(want) {
		t.Fatalf("restored: %+v", r)
	}
	for _, name := range want[1:] {
		a, _ := os.ReadFile(filepath.Join(dir, name))
		b, err := os.ReadFile(filepath.Join(target, name))
		if err != nil || string(a) != string(b) {
			t.Errorf("%s: %q, want %q (%v)", name, b, a, err)
		}
	}
	if st, err := os.Stat(filepath.Join(target, "secret.key")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("secret.key: %v %v", st.Mode(), err)
	}
	var n int
	if err := openDB(t, filepath.Join(target, "huiqi.db")).QueryRow(`SELECT count(*) FROM notes`).Scan(&n); err != nil || n != 100 {
		t.Errorf("restored store: %d rows, %v", n, err)
	}
	if leftovers := siblings(t, target); !slices.Equal(leftovers, []string{"restored"}) {
		t.Errorf("beside the restored directory: %q", leftovers)
	}
}

// TestSnapshotWhileWriting backs up while another connection inserts rows
// one by one: the restored rows are a prefix of the writes, at least all
// those acknowledged before the backup began.
func TestSnapshotWhileWriting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, db := dataDir(t)
	var acked atomic.Int64
	acked.Store(100)
	stop := make(chan struct{})
	done := make(chan error)
	go func() {
		for i := int64(101); ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			if _, err := db.Exec(`INSERT INTO notes (n, body) VALUES (?, ?)`, i, strings.Repeat("政", 500)); err != nil {
				done <- err
				return
			}
			acked.Store(i)
		}
	}()
	for acked.Load() < 300 {
		time.Sleep(time.Millisecond)
	}
	before := acked.Load()
	out := mustCreate(t, dir)
	after := acked.Load()
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "restored")
	if _, err := Restore(ctx, RestoreOptions{From: out, DataDir: target}); err != nil {
		t.Fatal(err)
	}
	var n, maxN int64
	if err := openDB(t, filepath.Join(target, "huiqi.db")).QueryRow(`SELECT count(*), max(n) FROM notes`).Scan(&n, &maxN); err != nil {
		t.Fatal(err)
	}
	if n != maxN || n < before || n > after+1 {
		t.Fatalf("restored %d rows up to %d; acknowledged %d before the backup, %d after", n, maxN, before, after)
	}
	t.Logf("restored %d rows; acknowledged %d before the backup, %d after", n, before, after)
}

func TestRestoreRefusals(t *testing.T) {
	t.Parallel()
	dir, _ := dataDir(t)
	good := mustCreate(t, dir)
	flip := func(name string) string {
		return rewrite(t, good, func(es []tarEntry) []tarEntry {
			for _, e := range es {
				if e.hdr.Name == name {
					e.data[len(e.data)/2] ^= 1
				}
			}
			return es
		})
	}
	add := func(name string, typ byte) string {
		return rewrite(t, good, func(es []tarEntry) []tarEntry {
			e := tarEntry{hdr: es[0].hdr, data: []byte("x")}
			h := *e.hdr
			h.Name, h.Typeflag, h.Linkname = name, typ, "/etc/passwd"
			e.hdr = &h
			return append([]tarEntry{e}, es...)
		})
	}
	drop := func(name string) string {
		return rewrite(t, good, func(es []tarEntry) []tarEntry {
			return slices.DeleteFunc(es, func(e tarEntry) bool { return e.hdr.Name == name })
		})
	}
	notGzip := filepath.Join(t.TempDir(), "x.tar.gz")
	os.WriteFile(notGzip, []byte("not an archive"), 0o644)
	tests := []struct {
		name, from, msg string
	}{
		{"one byte of the store", flip("huiqi.db"), "file huiqi.db: checksum mismatch"},
		{"one byte of an index file", flip("index/store/000000000001.zap"), "file index/store/000000000001.zap: checksum mismatch"},
		{"one byte of the manifest", flip(ManifestName), "checksum mismatch"},
		{"parent traversal", add("../evil", '0'), `entry "../evil" has an unsafe path`},
		{"traversal inside", add("index/../../evil", '0'), "unsafe path"},
		{"absolute path", add("/tmp/evil", '0'), `entry "/tmp/evil" has an unsafe path`},
		{"symbolic link", add("link", '2'), `entry "link" is not a regular file`},
		{"file not in the manifest", add("extra.txt", '0'), "file extra.txt is not in the manifest"},
		{"file missing", drop("secret.key"), "file secret.key listed in the manifest is missing"},
		{"no manifest", drop(ManifestName), "has no manifest.json"},
		{"not an archive", notGzip, "is not a huiqi backup"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			target := filepath.Join(t.TempDir(), "restored")
			_, err := Restore(context.Background(), RestoreOptions{From: tc.from, DataDir: target})
			if huiqi.ErrorCode(err) != huiqi.EINVALID || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("Restore: %v, want invalid containing %q", err, tc.msg)
			}
			if left := siblings(t, target); len(left) != 0 {
				t.Errorf("written although refused: %q", left)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(target), "..", "evil")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("../evil was written")
			}
		})
	}
}

func TestRestoreIntoNonEmpty(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, _ := dataDir(t)
	out := mustCreate(t, dir)
	target := filepath.Join(t.TempDir(), "data")
	os.MkdirAll(target, 0o750)
	os.WriteFile(filepath.Join(target, "mine.txt"), []byte("keep me"), 0o644)
	_, err := Restore(ctx, RestoreOptions{From: out, DataDir: target})
	if huiqi.ErrorCode(err) != huiqi.ECONFLICT || !strings.Contains(err.Error(), "is not empty") {
		t.Fatalf("restore into a full directory: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "mine.txt")); string(b) != "keep me" {
		t.Fatal("the refused restore touched the directory")
	}
	// A failing Prepare leaves the old directory as it was.
	_, err = Restore(ctx, RestoreOptions{From: out, DataDir: target, Force: true,
		Prepare: func(context.Context, string, *Manifest) error { return errors.New("index broken") }})
	if err == nil || !slices.Equal(siblings(t, target), []string{"data"}) {
		t.Fatalf("failed restore: %v, beside: %q", err, siblings(t, target))
	}
	if b, _ := os.ReadFile(filepath.Join(target, "mine.txt")); string(b) != "keep me" {
		t.Fatal("the failed restore touched the directory")
	}
	r, err := Restore(ctx, RestoreOptions{From: out, DataDir: target, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Replaced, "data.old-") || !slices.Equal(siblings(t, target), []string{"data"}) {
		t.Fatalf("replaced %q; beside: %q", r.Replaced, siblings(t, target))
	}
	if _, err := os.Stat(filepath.Join(target, "mine.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Error("the replaced directory's file is still there")
	}
}

func TestCreateTornIndex(t *testing.T) {
	t.Parallel()
	dir, _ := dataDir(t)
	o := options(dir, filepath.Join(t.TempDir(), "b.tar.gz"))
	tries := 0
	o.CheckIndex = func(_ context.Context, root string) error {
		tries++
		if _, err := os.Stat(filepath.Join(root, "index", "index_meta.json")); err != nil {
			t.Errorf("the index copy is not there: %v", err)
		}
		return errors.New("torn")
	}
	m, err := Create(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Files {
		if strings.HasPrefix(f.Path, "index/") {
			t.Errorf("torn index file %s archived", f.Path)
		}
	}
	if !m.IndexRebuild || tries != indexAttempts {
		t.Fatalf("IndexRebuild %v after %d tries", m.IndexRebuild, tries)
	}
}

func TestCreateFailsWhole(t *testing.T) {
	t.Parallel()
	dir, _ := dataDir(t)
	os.Remove(filepath.Join(dir, "huiqi.db"))
	out := filepath.Join(t.TempDir(), "b.tar.gz")
	if _, err := Create(context.Background(), options(dir, out)); huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
		t.Fatalf("Create without a store: %v", err)
	}
	if left := siblings(t, out); len(left) != 0 {
		t.Fatalf("left beside the archive: %q", left)
	}
	if _, err := Create(context.Background(), options(filepath.Join(dir, "nope"), out)); huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
		t.Fatalf("Create of a missing directory: %v", err)
	}
}

func TestArchiveInsideDataDir(t *testing.T) {
	t.Parallel()
	dir, _ := dataDir(t)
	out := filepath.Join(dir, "b.tar.gz")
	for range 2 {
		m, err := Create(context.Background(), options(dir, out))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m.Files {
			if strings.HasSuffix(f.Path, ".tar.gz") || strings.HasPrefix(f.Path, tempPrefix) {
				t.Fatalf("archived its own output: %s", f.Path)
			}
		}
	}
}
