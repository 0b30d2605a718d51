package match

import (
	"context"
	"testing"
	"time"
)

// TestCache: the matcher is built once, reused while the store is
// unchanged, and built again over a real SQLite store that gained a policy.
func TestCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, corpus, save := demoStore(t)
	for _, p := range corpus[:5] {
		save(p)
	}
	c := NewCache(db, nil)
	m1, err := c.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m1.Stats().Policies != 5 {
		t.Fatalf("matcher over %d policies, want 5", m1.Stats().Policies)
	}
	save(corpus[5])
	if m, _ := c.Get(ctx); m != m1 {
		t.Error("rebuilt before Recheck passed")
	}
	c.Recheck = time.Nanosecond
	m2, err := c.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m2 == m1 || m2.Stats().Policies != 6 {
		t.Errorf("after a save: same matcher %v, %d policies", m2 == m1, m2.Stats().Policies)
	}
	if m3, _ := c.Get(ctx); m3 != m2 {
		t.Error("rebuilt although the store did not change")
	}
}
