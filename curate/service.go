package curate

import (
	"context"
	"encoding/json"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// Store is what curation reads and writes: the policies and their curated
// versions and rules (both adapters are one).
type Store interface {
	huiqi.PolicyStore
	huiqi.CurationStore
}

// Service curates policies. Index, when set, is kept in step with the
// curated versions as ingest keeps it with the machine's; the zero Now is
// time.Now.
type Service struct {
	Store Store
	Index huiqi.SearchIndex
	Now   func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Curates reports whether u curates policies at all: officers and
// administrators.
func Curates(u *huiqi.User) bool {
	return u != nil && !u.Disabled && (u.Role == huiqi.RoleOfficer || u.Role == huiqi.RoleAdmin)
}

// MayCurate reports whether u may curate p: an officer or administrator
// acting within the policy's region (a nationwide policy only for those
// acting everywhere).
func MayCurate(u *huiqi.User, p *huiqi.Policy) bool {
	return Curates(u) && account.Within(u, regionOf(p))
}

// regionOf is the policy's region code, "" when it states none.
func regionOf(p *huiqi.Policy) string {
	if p.Region == nil {
		return ""
	}
	return p.Region.Code
}

// allowed returns the latest version of policy id when u may curate it:
// EUNAUTHORIZED for nobody, EFORBIDDEN for anyone else who may not.
func (s *Service) allowed(ctx context.Context, u *huiqi.User, id string) (*huiqi.Policy, error) {
	if u == nil {
		return nil, huiqi.Errorf(huiqi.EUNAUTHORIZED, "请先登录")
	}
	if !Curates(u) {
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "只有政策专员和管理员可以核对政策")
	}
	p, err := s.Store.FindPolicy(ctx, id)
	if err != nil {
		return nil, err
	}
	if !MayCurate(u, p) {
		return nil, huiqi.Errorf(huiqi.EFORBIDDEN, "政策 %s 不在您负责的地区内", id)
	}
	return p, nil
}

// entry is the audit entry of u's action on object, with detail as JSON.
func (s *Service) entry(u *huiqi.User, action, object, region string, detail map[string]any) *huiqi.AuditEntry {
	b, _ := json.Marshal(detail) // strings, numbers and lists of them always encode
	return &huiqi.AuditEntry{At: s.now(), Actor: u.ID, Action: action, Object: object, Region: region, Detail: string(b)}
}

// Policy returns the latest version of policy id for u to curate:
// EFORBIDDEN unless u may curate it.
func (s *Service) Policy(ctx context.Context, u *huiqi.User, id string) (*huiqi.Policy, error) {
	return s.allowed(ctx, u, id)
}
