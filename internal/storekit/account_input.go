package storekit

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// CheckSession refuses a session without an ID hash or an expiry.
func CheckSession(s *huiqi.Session) error {
	if s == nil || s.IDHash == "" || s.ExpiresAt.IsZero() {
		return huiqi.Errorf(huiqi.EINVALID, "session needs an ID hash and an expiry")
	}
	return nil
}

// CheckToken refuses an API token without a name or a hash.
func CheckToken(t *huiqi.APIToken) error {
	if t == nil || t.Name == "" || t.Hash == "" {
		return huiqi.Errorf(huiqi.EINVALID, "API 令牌须有名称和摘要")
	}
	return nil
}

// CheckOutbox refuses a text message without a number or a text.
func CheckOutbox(m *huiqi.OutboxMessage) error {
	if m == nil || m.Phone == "" || m.Text == "" {
		return huiqi.Errorf(huiqi.EINVALID, "短信须有手机号和内容")
	}
	return nil
}

// CheckBinding refuses a binding without a 统一社会信用代码.
func CheckBinding(b *huiqi.EnterpriseBinding) error {
	if b == nil || strings.TrimSpace(b.CreditCode) == "" {
		return huiqi.Errorf(huiqi.EINVALID, "绑定企业须有统一社会信用代码")
	}
	return nil
}

// CheckVerifier refuses a verification of a binding whose audit entry does
// not name the verifier.
func CheckVerifier(ev *huiqi.AuditEntry) error {
	if ev == nil || ev.Actor == "" {
		return huiqi.Errorf(huiqi.EINVALID, "核验企业绑定须注明核验人")
	}
	return nil
}
