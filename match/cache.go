package match

import (
	"context"
	"fmt"
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
	// Recheck is how long a matcher is used without asking the store
	// whether it changed (default 5 seconds).
	Recheck time.Duration

	mu      sync.Mutex
	m       *Matcher
	stamp   string
	checked time.Time
}

// NewCache returns a cache of the matcher over store's latest policies,
// curated rules replacing proposals as in Load.
func NewCache(store huiqi.PolicyStore, curated []*rules.Set) *Cache {
	return &Cache{store: store, curated: curated, Recheck: 5 * time.Second}
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
	if c.m == nil || stamp != c.stamp {
		m, err := Load(ctx, c.store, c.curated)
		if err != nil {
			return nil, err
		}
		c.m, c.stamp = m, stamp
	}
	c.checked = time.Now()
	return c.m, nil
}
