package account

import (
	"context"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Within reports whether a staff member acts within the GB/T 2260 region
// code: one of their regions contains it (a city its districts, a province
// its cities). An administrator with no regions acts everywhere; enterprise
// users and disabled accounts act within none.
func Within(u *huiqi.User, regionCode string) bool {
	if u == nil || u.Disabled || !u.Role.Staff() {
		return false
	}
	if u.Role == huiqi.RoleAdmin && len(u.Regions) == 0 {
		return true
	}
	for _, r := range u.Regions {
		if p := huiqi.RegionPrefix(r); p == "" || (regionCode != "" && strings.HasPrefix(regionCode, p)) {
			return true
		}
	}
	return false
}

// RegionPrefixes returns the region prefixes a staff member's listings
// filter by (huiqi.ApplicationFilter.RegionPrefixes), or everywhere for an
// administrator with no regions or a member for the whole country. Users
// acting within no region get neither.
func RegionPrefixes(u *huiqi.User) (prefixes []string, everywhere bool) {
	if u == nil || u.Disabled || !u.Role.Staff() {
		return nil, false
	}
	if u.Role == huiqi.RoleAdmin && len(u.Regions) == 0 {
		return nil, true
	}
	for _, r := range u.Regions {
		p := huiqi.RegionPrefix(r)
		if p == "" {
			return nil, true
		}
		prefixes = append(prefixes, p)
	}
	return prefixes, false
}

// ActsFor reports whether u holds a verified binding to the enterprise
// with the 统一社会信用代码 creditCode; an unverified claim is not enough.
func (s *Service) ActsFor(ctx context.Context, u *huiqi.User, creditCode string) (bool, error) {
	if u == nil || u.Disabled || creditCode == "" {
		return false, nil
	}
	bs, err := s.store.Enterprises(ctx, u.ID)
	if err != nil {
		return false, err
	}
	for _, b := range bs {
		if b.Verified && strings.EqualFold(b.CreditCode, strings.TrimSpace(creditCode)) {
			return true, nil
		}
	}
	return false, nil
}
