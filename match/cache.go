package match

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// Cache holds the Matcher of a store for a server: built on first use,
// and built again when the store has changed (its count, or its most
// recently saved policy and version), which it checks at most every
// Recheck. The API and the portal share one, so a server keeps one
// matcher in memory. It is safe for concurrent use.
type Cache struct {
	store   huiqi.PolicyStore
	curated []*rules.Set
	// source gives the rules published in the store when it keeps them;
	// they join curated (replacing a set of the same id).
	source CuratedSource
	// Recheck is how long a matcher is used without asking the store
	// whether it changed (default 5 seconds).
	Recheck time.Duration

	mu      sync.Mutex
	m       *Matcher
	stamp   string
	checked time.Time
}

// CuratedSource gives the measure rules officers published
// (huiqi.CurationStore has it). The cache asks at every recheck, so a
// published rule changes the answers without a restart.
type CuratedSource interface {
	CuratedRules(ctx context.Context) ([]huiqi.CuratedRule, error)
}

// NewCache returns a cache of the matcher over store's latest policies,
// curated rules replacing proposals as in Load: those given, and those
// published in store when it is also a CuratedSource.
func NewCache(store huiqi.PolicyStore, curated []*rules.Set) *Cache {
	c := &Cache{store: store, curated: curated, Recheck: 5 * time.Second}
	c.source, _ = store.(CuratedSource)
	return c
}

// Get returns the matcher, built again first when the store has changed.
func (c *Cache) Get(ctx context.Context) (*Matcher, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m != nil && time.Since(c.checked) < c.Recheck {
		return c.m, nil
	}
	list, total, err := c.store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1})
	if err != nil {
		return nil, err
	}
	stamp := fmt.Sprint(total)
	if len(list) > 0 {
		stamp += fmt.Sprint(" ", list[0].ID, " ", list[0].Version, " ", list[0].UpdatedAt.UnixNano())
	}
	published, err := c.published(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range published {
		stamp += fmt.Sprint(" ", r.MeasureID, "@", r.Version)
	}
	if c.m == nil || stamp != c.stamp {
		m, err := Load(ctx, c.store, append(slices.Clip(c.curated), parsePublished(published)...))
		if err != nil {
			return nil, err
		}
		c.m, c.stamp = m, stamp
	}
	c.checked = time.Now()
	return c.m, nil
}

// published reads the rules of the source, none without one.
func (c *Cache) published(ctx context.Context) ([]huiqi.CuratedRule, error) {
	if c.source == nil {
		return nil, nil
	}
	return c.source.CuratedRules(ctx)
}

// parsePublished parses the published rules. They were checked when
// published; one the rule language no longer reads is left out, so its
// measure keeps the proposal rather than every answer failing.
func parsePublished(rs []huiqi.CuratedRule) []*rules.Set {
	var out []*rules.Set
	for _, r := range rs {
		if s, err := rules.Parse(r.MeasureID+".yaml", []byte(r.YAML)); err == nil {
			out = append(out, s)
		}
	}
	return out
}
