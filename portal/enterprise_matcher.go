package portal

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
)

// matcherCache builds the matcher from the store on first use, and again
// when the store has changed (its count or its newest version), checked at
// most every few seconds: the API's rule, so both answer alike.
type matcherCache struct {
	mu      sync.Mutex
	m       *match.Matcher
	stamp   string
	checked time.Time
}

const matcherRecheck = 5 * time.Second

func (c *matcherCache) get(ctx context.Context, store huiqi.PolicyStore) (*match.Matcher, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m != nil && time.Since(c.checked) < matcherRecheck {
		return c.m, nil
	}
	list, total, err := store.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 1})
	if err != nil {
		return nil, err
	}
	stamp := fmt.Sprint(total)
	if len(list) > 0 {
		stamp += fmt.Sprint(list[0].ID, list[0].Version, list[0].UpdatedAt.UnixNano())
	}
	if c.m == nil || stamp != c.stamp {
		m, err := match.Load(ctx, store, nil)
		if err != nil {
			return nil, err
		}
		c.m, c.stamp = m, stamp
	}
	c.checked = time.Now()
	return c.m, nil
}
