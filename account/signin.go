package account

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sms"
)

// SignedIn is a successful sign-in: the user, the new session, and its
// token for the cookie. The token is shown this once; the store keeps its
// hash.
type SignedIn struct {
	User    *huiqi.User
	Session *huiqi.Session
	Token   string
}

// Audit actions of this package.
const (
	ActionSignIn       = "account.sign_in"
	ActionSignInFailed = "account.sign_in_failed"
	ActionSignOut      = "account.sign_out"
	ActionSignOutAll   = "account.sign_out_everywhere"
	ActionUserCreate   = "user.create"
	ActionUserUpdate   = "user.update"
	ActionTokenCreate  = "token.create"
)

// detail renders an audit entry's detail as JSON. Callers never put codes,
// passwords or tokens in it.
func detail(kv map[string]any) string {
	b, _ := json.Marshal(kv)
	return string(b)
}

// SignInWithCode signs an enterprise user in with the SMS code sent to
// phone, creating the user at the first sign-in. Every sign-in starts a new
// session, whatever the browser held before.
func (s *Service) SignInWithCode(ctx context.Context, phone, code, ip, ua string) (*SignedIn, error) {
	who := "phone:" + sms.Mask(phone)
	if p, err := NormalizePhone(phone); err == nil {
		phone, who = p, "phone:"+sms.Mask(p)
	}
	if err := s.VerifyCode(ctx, phone, huiqi.CodeSignIn, code); err != nil {
		return nil, s.failed(ctx, who, "sms", ip, err)
	}
	u, err := s.store.FindUserByPhone(ctx, phone)
	if is(err, huiqi.ENOTFOUND) {
		u, err = s.createEnterpriseUser(ctx, phone, ip)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case u.Role != huiqi.RoleEnterprise:
		return nil, s.failed(ctx, "user:"+u.ID, "sms", ip, huiqi.Errorf(huiqi.EFORBIDDEN, "工作人员请使用用户名和密码登录"))
	case u.Disabled:
		return nil, s.failed(ctx, "user:"+u.ID, "sms", ip, huiqi.Errorf(huiqi.EFORBIDDEN, "账号已停用，请联系管理员"))
	}
	return s.startSession(ctx, u, "sms", ip, ua)
}

// createEnterpriseUser creates the user of a number at its first sign-in.
func (s *Service) createEnterpriseUser(ctx context.Context, phone, ip string) (*huiqi.User, error) {
	u := &huiqi.User{Phone: phone, Role: huiqi.RoleEnterprise}
	// The store names the object, user:<the new ID>.
	ev := &huiqi.AuditEntry{At: s.now(), Actor: "system", Action: ActionUserCreate,
		Detail: detail(map[string]any{"role": u.Role, "phone": sms.Mask(phone), "via": "sms", "ip": ip})}
	if err := s.store.CreateUser(ctx, u, ev); err != nil {
		if is(err, huiqi.ECONFLICT) { // created meanwhile by a sign-in in parallel
			return s.store.FindUserByPhone(ctx, phone)
		}
		return nil, fmt.Errorf("create user: %w", err)
	}
	return u, nil
}

// SignInWithPassword signs a staff member in. Unknown usernames cost the
// same work as known ones, and after too many failures a username, or a
// client address, is refused for a while (ELIMITED).
func (s *Service) SignInWithPassword(ctx context.Context, username, password, ip, ua string) (*SignedIn, error) {
	if username == "" || password == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "请输入用户名和密码")
	}
	now, who := s.now(), "username:"+shorten(username, 64)
	if err := s.signInBlocked(username, ip, now); err != nil {
		return nil, s.failed(ctx, who, "password", ip, err)
	}
	wrong := huiqi.Errorf(huiqi.EUNAUTHORIZED, "用户名或密码不正确")
	u, err := s.store.FindUserByUsername(ctx, username)
	if is(err, huiqi.ENOTFOUND) {
		_, _ = CheckPassword(s.dummy, password) // the same work as for a known user
		s.countFailure(username, ip, now)
		return nil, s.failed(ctx, who, "password", ip, wrong)
	} else if err != nil {
		return nil, err
	}
	ok, err := CheckPassword(u.PasswordHash, password)
	if err != nil || !ok || !u.Role.Staff() {
		s.countFailure(username, ip, now)
		return nil, s.failed(ctx, "user:"+u.ID, "password", ip, wrong)
	}
	if u.Disabled {
		return nil, s.failed(ctx, "user:"+u.ID, "password", ip, huiqi.Errorf(huiqi.EFORBIDDEN, "账号已停用，请联系管理员"))
	}
	s.fails.reset(username)
	return s.startSession(ctx, u, "password", ip, ua)
}

// failed records a failed sign-in and returns its error.
func (s *Service) failed(ctx context.Context, object, method, ip string, cause error) error {
	d := detail(map[string]any{"method": method, "ip": ip, "reason": huiqi.ErrorCode(cause)})
	if err := s.audit(ctx, "system", ActionSignInFailed, object, d); err != nil {
		return fmt.Errorf("audit failed sign-in: %w", err)
	}
	return cause
}

// startSession creates a session under a new random token and records the
// sign-in.
func (s *Service) startSession(ctx context.Context, u *huiqi.User, method, ip, ua string) (*SignedIn, error) {
	now, token := s.now(), newToken()
	sess := &huiqi.Session{IDHash: tokenHash(token), UserID: u.ID, CreatedAt: now,
		ExpiresAt: now.Add(s.cfg.SessionTTL), IP: ip, UserAgent: shorten(ua, 256)}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return nil, fmt.Errorf("create session: %w", err)
	}
	if err := s.audit(ctx, u.ID, ActionSignIn, "user:"+u.ID, detail(map[string]any{"method": method, "ip": ip})); err != nil {
		_ = s.store.DeleteSession(ctx, sess.IDHash) // no sign-in without its entry
		return nil, fmt.Errorf("audit sign-in: %w", err)
	}
	return &SignedIn{User: u, Session: sess, Token: token}, nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 { // do not cut a UTF-8 sequence
		n--
	}
	return s[:n]
}
