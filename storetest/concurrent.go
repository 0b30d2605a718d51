package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

const workers = 8

// saveAll runs one SavePolicy per policy at once and returns the results.
func saveAll(t *testing.T, s huiqi.PolicyStore, ps []*huiqi.Policy, raws [][]byte) []huiqi.SaveResult {
	t.Helper()
	results := make([]huiqi.SaveResult, len(ps))
	errs := make([]error, len(ps))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range ps {
		wg.Go(func() {
			<-start
			results[i], errs[i] = s.SavePolicy(context.Background(), ps[i], raws[i])
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("concurrent save %d: %v", i, err)
		}
	}
	return results
}

// testConcurrentSameIdentity: workers saving one new document at once create
// exactly one version 1; the rest see it unchanged.
func testConcurrentSameIdentity(t *testing.T, s huiqi.PolicyStore) {
	var ps []*huiqi.Policy
	var raws [][]byte
	for range workers {
		p, raw := RichPolicy()
		ps, raws = append(ps, p), append(raws, raw)
	}
	created := 0
	for _, r := range saveAll(t, s, ps, raws) {
		if r.Version != 1 || r.ID != ps[0].ID {
			t.Errorf("result %+v, want %s v1", r, ps[0].ID)
		}
		if r.Outcome == huiqi.SaveCreated {
			created++
		} else if r.Outcome != huiqi.SaveUnchanged {
			t.Errorf("outcome %s, want created or unchanged", r.Outcome)
		}
	}
	if created != 1 {
		t.Errorf("%d saves created the policy, want 1", created)
	}
	vs, err := s.ListVersions(context.Background(), ps[0].ID)
	if err != nil || len(vs) != 1 {
		t.Errorf("ListVersions = %d, %v; want 1 version", len(vs), err)
	}
}

// testConcurrentNewVersions: workers saving different texts of one identity
// get versions 1..n, each exactly once.
func testConcurrentNewVersions(t *testing.T, s huiqi.PolicyStore) {
	var ps []*huiqi.Policy
	var raws [][]byte
	for i := range workers {
		p, _ := RichPolicy()
		p.Text += fmt.Sprintf("附件%d\n", i)
		ps, raws = append(ps, p), append(raws, []byte(p.Text))
	}
	seen := map[int]bool{}
	for _, r := range saveAll(t, s, ps, raws) {
		if seen[r.Version] {
			t.Errorf("version %d given twice", r.Version)
		}
		seen[r.Version] = true
		want := huiqi.SaveNewVersion
		if r.Version == 1 {
			want = huiqi.SaveCreated
		}
		if r.Outcome != want {
			t.Errorf("version %d outcome %s, want %s", r.Version, r.Outcome, want)
		}
	}
	vs, err := s.ListVersions(context.Background(), ps[0].ID)
	if err != nil || len(vs) != workers {
		t.Fatalf("ListVersions = %d, %v; want %d", len(vs), err, workers)
	}
	for i, v := range vs {
		if v.Version != i+1 {
			t.Errorf("versions[%d] = %d, want %d", i, v.Version, i+1)
		}
	}
}

// testDeleteRacesSave: deleting the only policy that holds a file while
// another identity saves the same bytes must not lose the file for the new one.
func testDeleteRacesSave(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	for i := range 10 {
		old, raw := Simple(100+i, "", "")
		save(t, s, old, raw, huiqi.SaveCreated)
		fresh, _ := Simple(200+i, "", "")
		var wg sync.WaitGroup
		var delErr, saveErr error
		wg.Go(func() { delErr = s.DeletePolicy(ctx, old.ID) })
		wg.Go(func() { _, saveErr = s.SavePolicy(ctx, fresh, raw) })
		wg.Wait()
		if delErr != nil || saveErr != nil {
			t.Fatalf("round %d: delete %v, save %v", i, delErr, saveErr)
		}
		if _, got, err := s.OriginalFile(ctx, fresh.ID, 1); err != nil || string(got) != string(raw) {
			t.Fatalf("round %d: file of the new policy: %v", i, err)
		}
	}
}
