package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// profileWriter saves profiles under a few keys in turn through its own
// connection, and keeps every save the store acknowledged, in order.
type profileWriter struct {
	mu    sync.Mutex
	acked []huiqi.SavedProfile
	stop  chan struct{}
	done  chan error
}

func startProfileWriter(t *testing.T, data string) *profileWriter {
	t.Helper()
	db, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	w := &profileWriter{stop: make(chan struct{}), done: make(chan error, 1)}
	go func() {
		for i := 0; ; i++ {
			select {
			case <-w.stop:
				w.done <- nil
				return
			default:
			}
			employees := i
			p := huiqi.SavedProfile{Key: fmt.Sprintf("draft:k%d", i%5), Draft: i%2 == 0,
				Profile: huiqi.Enterprise{Name: fmt.Sprintf("企业%d", i), Employees: &employees}}
			if err := db.SaveProfile(context.Background(), &p); err != nil {
				w.done <- err
				return
			}
			w.mu.Lock()
			w.acked = append(w.acked, p)
			w.mu.Unlock()
		}
	}()
	return w
}

func (w *profileWriter) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.acked)
}

func (w *profileWriter) finish(t *testing.T) []huiqi.SavedProfile {
	t.Helper()
	close(w.stop)
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	return w.acked
}

// TestBackupRestore backs up a data directory while profiles are being
// saved through another connection, restores it into a new directory and
// finds there every policy as stored and the profiles as they were after
// some acknowledged save.
func TestBackupRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	data, restored, out := filepath.Join(dir, "data"), filepath.Join(dir, "restored"), filepath.Join(dir, "b.tar.gz")
	must(t, exitOK, "ingest", "--data", data, copyDocs(t), "testdata/records.jsonl")

	w := startProfileWriter(t, data)
	for w.count() < 50 {
		time.Sleep(time.Millisecond)
	}
	before := w.count()
	r := must(t, exitOK, "backup", "--data", data, "--out", out)
	during := w.count() - before
	acked := w.finish(t)
	if !strings.Contains(r.stdout, "backed up ") || !strings.Contains(r.stdout, " to "+out) {
		t.Fatalf("backup: %s", r.stdout)
	}

	r = must(t, exitOK, "restore", "--from", out, "--data", restored)
	for _, want := range []string{"restored ", "search index: opens, in step with the store", "store integrity check: ok", "migrations: all"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("restore said:\n%s\nwant %q", r.stdout, want)
		}
	}
	orig, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	back, err := sqlite.Open(ctx, restored)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	n := comparePolicies(t, orig, back)
	saves := compareProfiles(t, back, acked)
	if saves < before {
		t.Errorf("restored %d saves, but %d were acknowledged before the backup began", saves, before)
	}
	t.Logf("%d policies; profiles as after save %d of %d (%d before the backup, %d during it)", n, saves, len(acked), before, during)

	q := "电子商务"
	took := regexp.MustCompile(`用时 [0-9.]+ 毫秒`)
	search := func(dir string) string {
		return took.ReplaceAllString(must(t, exitOK, "search", "--data", dir, q).stdout, "")
	}
	if a, b := search(data), search(restored); a != b || !strings.Contains(a, "共 1 份政策") {
		t.Errorf("search %q: restored\n%s\noriginal\n%s", q, b, a)
	}
}

// comparePolicies checks that every version of every policy, and its
// original file, is the same in both stores, and returns how many.
func comparePolicies(t *testing.T, a, b huiqi.PolicyStore) int {
	t.Helper()
	ctx := context.Background()
	la, na, err := a.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	lb, nb, err := b.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "policy list", la, lb)
	if na != nb || na == 0 {
		t.Fatalf("%d policies restored, want %d", nb, na)
	}
	for _, s := range la {
		vs, err := a.ListVersions(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		vb, err := b.ListVersions(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, s.ID+" versions", vs, vb)
		for _, v := range vs {
			pa, errA := a.FindPolicyVersion(ctx, s.ID, v.Version)
			pb, errB := b.FindPolicyVersion(ctx, s.ID, v.Version)
			if err := errors.Join(errA, errB); err != nil {
				t.Fatal(err)
			}
			sameJSON(t, fmt.Sprintf("%s v%d", s.ID, v.Version), pa, pb)
			_, fa, errA := a.OriginalFile(ctx, s.ID, v.Version)
			_, fb, errB := b.OriginalFile(ctx, s.ID, v.Version)
			if err := errors.Join(errA, errB); err != nil || string(fa) != string(fb) {
				t.Errorf("%s v%d original file differs: %v", s.ID, v.Version, err)
			}
		}
	}
	return na
}

// compareProfiles checks that the restored profiles are the state after
// the first n acknowledged saves, for some n, and returns n: under each key
// as many versions as saves under it among the first n, the latest one the
// last of them.
func compareProfiles(t *testing.T, back huiqi.ProfileStore, acked []huiqi.SavedProfile) int {
	t.Helper()
	ctx := context.Background()
	latest := map[string]*huiqi.SavedProfile{}
	n := 0
	for k := range 5 {
		key := fmt.Sprintf("draft:k%d", k)
		p, err := back.FindProfile(ctx, key)
		if huiqi.ErrorCode(err) == huiqi.ENOTFOUND {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		vs, err := back.ProfileVersions(ctx, key)
		if err != nil || len(vs) != p.Version {
			t.Fatalf("%s: %d versions, latest %d (%v)", key, len(vs), p.Version, err)
		}
		latest[key] = p
		n += p.Version
	}
	if n > len(acked) {
		t.Fatalf("restored %d saves, only %d were acknowledged", n, len(acked))
	}
	want := map[string]huiqi.SavedProfile{}
	for _, p := range acked[:n] {
		want[p.Key] = p
	}
	if len(want) != len(latest) {
		t.Fatalf("restored keys %d, want %d", len(latest), len(want))
	}
	for key, p := range latest {
		w := want[key]
		if p.Version != w.Version || !p.SavedAt.Equal(w.SavedAt) || p.Draft != w.Draft {
			t.Errorf("%s: restored version %d of %v, want %d of %v", key, p.Version, p.SavedAt, w.Version, w.SavedAt)
		}
		sameJSON(t, key, p.Profile, w.Profile)
	}
	return n
}

func sameJSON(t *testing.T, what string, a, b any) {
	t.Helper()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("%s differs:\n%s\nrestored:\n%s", what, ja, jb)
	}
}

func TestBackupPostgres(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	out := filepath.Join(t.TempDir(), "b.tar.gz")
	r := must(t, exitOK, "backup", "--db", "postgres://huiqi:s3cret@127.0.0.1:5432/huiqi", "--data", data, "--out", out)
	for _, want := range []string{"pg_dump --format=custom --no-owner --file=huiqi-", "'postgres://huiqi:xxxxx@127.0.0.1:5432/huiqi'", "pg_restore", "backed up 0 files"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("backup --db said:\n%s\nwant %q", r.stdout, want)
		}
	}
	if strings.Contains(r.stdout+r.stderr, "s3cret") {
		t.Error("the password was printed")
	}
	r = must(t, exitOK, "restore", "--from", out, "--data", filepath.Join(t.TempDir(), "d"))
	if !strings.Contains(r.stdout, "restore the database with pg_restore") {
		t.Errorf("restore said: %s", r.stdout)
	}
}
