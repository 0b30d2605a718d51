package ingest_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// openStore opens a real SQLite store in a temporary directory, wrapped to
// record what the pipeline saves.
func openStore(t *testing.T) *recordingStore {
	t.Helper()
	db, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &recordingStore{PolicyStore: db}
}

// recordingStore passes everything to the real store and records the order of
// saves and their number.
type recordingStore struct {
	huiqi.PolicyStore
	mu    sync.Mutex
	saves []string // file name (#record) of each save, in order
	saved atomic.Int64
}

func (s *recordingStore) SavePolicy(ctx context.Context, p *huiqi.Policy, raw []byte) (huiqi.SaveResult, error) {
	defer s.saved.Add(1)
	s.mu.Lock()
	name := p.Source.FileName
	if p.Source.Record > 0 {
		name += fmt.Sprintf("#%d", p.Source.Record)
	}
	s.saves = append(s.saves, name)
	s.mu.Unlock()
	return s.PolicyStore.SavePolicy(ctx, p, raw)
}

// stored counts the versions in the store.
func (s *recordingStore) stored(t *testing.T) int {
	t.Helper()
	list, _, err := s.ListPolicies(context.Background(), huiqi.PolicyFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range list {
		n += p.Version
	}
	return n
}
