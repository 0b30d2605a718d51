package ingest_test

import (
	"context"
	"sync"

	"github.com/huiqi-dev/huiqi"
)

// memStore is an in-memory huiqi.PolicyStore with the versioning rules of
// SavePolicy, used until the sqlite store is available to these tests.
type memStore struct {
	mu       sync.Mutex
	versions map[string][]huiqi.Policy // by ID, oldest first
	saves    []string                  // document names in save order
}

func newMemStore() *memStore { return &memStore{versions: map[string][]huiqi.Policy{}} }

func (s *memStore) SavePolicy(ctx context.Context, p *huiqi.Policy, raw []byte) (huiqi.SaveResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return huiqi.SaveResult{}, err
	}
	id := huiqi.PolicyID(huiqi.IdentityKey(p))
	vs := s.versions[id]
	s.saves = append(s.saves, p.Source.FileName)
	p.ID = id
	if n := len(vs); n > 0 {
		last := vs[n-1]
		if last.Source.SHA256 == p.Source.SHA256 || last.Text == p.Text {
			p.Version = last.Version
			return huiqi.SaveResult{ID: id, Version: last.Version, Outcome: huiqi.SaveUnchanged}, nil
		}
	}
	p.Version = len(vs) + 1
	s.versions[id] = append(vs, *p)
	out := huiqi.SaveCreated
	if p.Version > 1 {
		out = huiqi.SaveNewVersion
	}
	return huiqi.SaveResult{ID: id, Version: p.Version, Outcome: out}, nil
}

func (s *memStore) FindPolicy(ctx context.Context, id string) (*huiqi.Policy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vs := s.versions[id]
	if len(vs) == 0 {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %s not found", id)
	}
	p := vs[len(vs)-1]
	return &p, nil
}

func (s *memStore) FindPolicyVersion(ctx context.Context, id string, version int) (*huiqi.Policy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vs := s.versions[id]
	if version < 1 || version > len(vs) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "policy %s version %d not found", id, version)
	}
	p := vs[version-1]
	return &p, nil
}

func (s *memStore) ListVersions(ctx context.Context, id string) ([]huiqi.VersionInfo, error) {
	return nil, huiqi.Errorf(huiqi.EINTERNAL, "not used by these tests")
}

func (s *memStore) ListPolicies(ctx context.Context, f huiqi.PolicyFilter) ([]huiqi.PolicySummary, int, error) {
	return nil, 0, huiqi.Errorf(huiqi.EINTERNAL, "not used by these tests")
}

func (s *memStore) OriginalFile(ctx context.Context, id string, version int) (huiqi.Source, []byte, error) {
	return huiqi.Source{}, nil, huiqi.Errorf(huiqi.EINTERNAL, "not used by these tests")
}

func (s *memStore) DeletePolicy(ctx context.Context, id string) error {
	return huiqi.Errorf(huiqi.EINTERNAL, "not used by these tests")
}

func (s *memStore) Close() error { return nil }

// stored returns the number of stored versions.
func (s *memStore) stored() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, vs := range s.versions {
		n += len(vs)
	}
	return n
}
