package account

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// mobile is a mainland China mobile number.
var mobile = regexp.MustCompile(`^1[3-9][0-9]{9}$`)

// NormalizePhone returns the 11-digit mobile number in s, which may carry
// spaces, hyphens and a +86 prefix; EINVALID when it is no mainland mobile
// number.
func NormalizePhone(s string) (string, error) {
	p := strings.NewReplacer(" ", "", "-", "", "\u00a0", "").Replace(strings.TrimSpace(s))
	if strings.HasPrefix(p, "+86") {
		p = p[3:]
	} else if len(p) == 13 && strings.HasPrefix(p, "86") {
		p = p[2:]
	}
	if !mobile.MatchString(p) {
		return "", huiqi.Errorf(huiqi.EINVALID, "手机号格式不正确")
	}
	return p, nil
}

// codeText is the message carrying a code, by purpose.
func (s *Service) codeText(purpose, code string) string {
	ttl := fmt.Sprintf("%d 分钟", max(1, int(s.cfg.CodeTTL.Minutes())))
	if purpose == huiqi.CodeSubmit {
		return fmt.Sprintf("【惠企】您正在提交申报材料，验证码为 %s，%s内有效。请勿泄露。", code, ttl)
	}
	return fmt.Sprintf("【惠企】您的验证码为 %s，%s内有效。请勿泄露。", code, ttl)
}

// codeHash is what the store keeps of a code: HMAC-SHA256 under the
// secret of purpose|phone|code, so a stolen database does not yield codes
// and a code for one purpose or number fits no other.
func (s *Service) codeHash(phone, purpose, code string) string {
	m := hmac.New(sha256.New, s.cfg.Secret)
	m.Write([]byte(purpose + "|" + phone + "|" + code))
	return hex.EncodeToString(m.Sum(nil))
}

func checkPurpose(purpose string) error {
	if purpose != huiqi.CodeSignIn && purpose != huiqi.CodeSubmit {
		return huiqi.Errorf(huiqi.EINVALID, "验证码用途 %q 无效", purpose)
	}
	return nil
}

// RequestCode issues a verification code for phone and purpose and sends
// it by SMS. The store enforces the limits (ELIMITED says when to try
// again); a newer code replaces an older one. ip is the client's address.
func (s *Service) RequestCode(ctx context.Context, phone, purpose, ip string) error {
	phone, err := NormalizePhone(phone)
	if err != nil {
		return err
	}
	if err := checkPurpose(purpose); err != nil {
		return err
	}
	code, now := randomDigits(s.cfg.CodeDigits), s.now()
	c := &huiqi.SMSCode{Phone: phone, Purpose: purpose, Hash: s.codeHash(phone, purpose, code), IP: ip,
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.CodeTTL)}
	if err := s.store.IssueCode(ctx, c, s.cfg.CodeLimits); err != nil {
		return err
	}
	if err := s.sender.Send(ctx, phone, s.codeText(purpose, code)); err != nil {
		return fmt.Errorf("send code: %w", err)
	}
	return nil
}

// VerifyCode checks a code for phone and purpose and uses it up:
// EUNAUTHORIZED for a wrong or expired code, ELIMITED once its tries are
// spent.
func (s *Service) VerifyCode(ctx context.Context, phone, purpose, code string) error {
	phone, err := NormalizePhone(phone)
	if err != nil {
		return err
	}
	if err := checkPurpose(purpose); err != nil {
		return err
	}
	code = strings.TrimSpace(code)
	if len(code) != s.cfg.CodeDigits || strings.Trim(code, "0123456789") != "" {
		return huiqi.Errorf(huiqi.EINVALID, "验证码应为 %d 位数字", s.cfg.CodeDigits)
	}
	ok, err := s.store.CheckCode(ctx, phone, purpose, s.codeHash(phone, purpose, code), s.cfg.CodeTries, s.now())
	switch {
	case is(err, huiqi.ENOTFOUND):
		return huiqi.Errorf(huiqi.EUNAUTHORIZED, "验证码已失效，请重新获取")
	case is(err, huiqi.ELIMITED):
		return huiqi.Errorf(huiqi.ELIMITED, "验证码错误次数过多，请重新获取")
	case err != nil:
		return err
	case !ok:
		return huiqi.Errorf(huiqi.EUNAUTHORIZED, "验证码不正确")
	}
	return nil
}
