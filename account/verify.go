package account

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Audit actions of enterprise bindings.
const (
	ActionBindingClaim  = "binding.claim"
	ActionBindingVerify = "binding.verify"
)

// VerifyBinding verifies the claim of the user userID to the enterprise
// creditCode on behalf of actor: an administrator or an officer acting
// within the region the enterprise is registered in, or a colleague — a
// user holding a verified binding to the same enterprise. EFORBIDDEN for
// anyone else; ENOTFOUND when there is no such claim.
func (s *Service) VerifyBinding(ctx context.Context, actor *huiqi.User, userID, creditCode string) error {
	creditCode = strings.ToUpper(strings.TrimSpace(creditCode))
	b, err := s.claim(ctx, userID, creditCode)
	if err != nil {
		return err
	}
	as, err := s.verifierRole(ctx, actor, b)
	if err != nil {
		return err
	}
	detail, _ := json.Marshal(map[string]string{"credit_code": b.CreditCode, "as": as})
	ev := &huiqi.AuditEntry{At: s.now(), Actor: actor.ID, Action: ActionBindingVerify, Object: "user:" + userID,
		Region: b.RegionCode, Detail: string(detail)}
	return s.store.VerifyBinding(ctx, userID, b.CreditCode, ev)
}

// claim returns the binding of userID to creditCode; ENOTFOUND for none.
func (s *Service) claim(ctx context.Context, userID, creditCode string) (*huiqi.EnterpriseBinding, error) {
	bs, err := s.store.Enterprises(ctx, userID)
	if err != nil {
		return nil, err
	}
	for i := range bs {
		if bs[i].CreditCode == creditCode {
			return &bs[i], nil
		}
	}
	return nil, huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 没有绑定统一社会信用代码为 %q 的企业", userID, creditCode)
}

// verifierRole says as what actor may verify b ("admin", "officer" or
// "colleague"); EFORBIDDEN when it may not.
func (s *Service) verifierRole(ctx context.Context, actor *huiqi.User, b *huiqi.EnterpriseBinding) (string, error) {
	if actor == nil || actor.Disabled {
		return "", huiqi.Errorf(huiqi.EUNAUTHORIZED, "请先登录")
	}
	switch actor.Role {
	case huiqi.RoleAdmin, huiqi.RoleOfficer:
		if Within(actor, b.RegionCode) {
			return string(actor.Role), nil
		}
	case huiqi.RoleEnterprise:
		ok, err := s.ActsFor(ctx, actor, b.CreditCode)
		if err != nil {
			return "", err
		}
		if ok && actor.ID != b.UserID {
			return "colleague", nil
		}
	}
	return "", huiqi.Errorf(huiqi.EFORBIDDEN, "您无权核验统一社会信用代码为 %s 的企业绑定：须由企业所在地区的政策专员、管理员或本企业已核验的同事核验", b.CreditCode)
}
