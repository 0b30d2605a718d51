package account

import (
	"context"

	"github.com/huiqi-dev/huiqi"
)

// pendingLimit bounds the claims a page lists.
const pendingLimit = 200

// PendingClaims lists the unverified claims a staff member may verify:
// those of enterprises registered within the regions of an officer or an
// administrator, oldest first. Anyone else has none.
func (s *Service) PendingClaims(ctx context.Context, staff *huiqi.User) ([]huiqi.EnterpriseBinding, error) {
	if staff == nil || (staff.Role != huiqi.RoleOfficer && staff.Role != huiqi.RoleAdmin) {
		return nil, nil
	}
	prefixes, everywhere := RegionPrefixes(staff)
	if !everywhere && len(prefixes) == 0 {
		return nil, nil
	}
	if everywhere {
		prefixes = nil
	}
	return s.store.PendingBindings(ctx, prefixes, pendingLimit)
}

// ColleagueClaims lists the unverified claims of others to the
// enterprises u holds a verified binding to, which u may confirm.
func (s *Service) ColleagueClaims(ctx context.Context, u *huiqi.User) ([]huiqi.EnterpriseBinding, error) {
	if u == nil || u.Disabled || u.Role != huiqi.RoleEnterprise {
		return nil, nil
	}
	bs, err := s.store.Enterprises(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	var out []huiqi.EnterpriseBinding
	for _, b := range bs {
		if !b.Verified {
			continue
		}
		// The claims within the enterprise's province, where its
		// colleagues' claims are; a claim elsewhere is left to officers.
		var prefixes []string
		if len(b.RegionCode) == 6 {
			prefixes = []string{b.RegionCode[:2]}
		}
		ps, err := s.store.PendingBindings(ctx, prefixes, pendingLimit)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if p.CreditCode == b.CreditCode && p.UserID != u.ID {
				out = append(out, p)
			}
		}
	}
	return out, nil
}
