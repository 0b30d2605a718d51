package account

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

var errSignedOut = huiqi.Errorf(huiqi.EUNAUTHORIZED, "登录已失效，请重新登录")

// Session returns the user and the live session of a session token;
// EUNAUTHORIZED for an unknown or expired token or a disabled user.
func (s *Service) Session(ctx context.Context, token string) (*huiqi.User, *huiqi.Session, error) {
	if token == "" || len(token) > 128 {
		return nil, nil, errSignedOut
	}
	sess, err := s.store.FindSession(ctx, tokenHash(token), s.now())
	if is(err, huiqi.ENOTFOUND) {
		return nil, nil, errSignedOut
	} else if err != nil {
		return nil, nil, err
	}
	u, err := s.store.FindUser(ctx, sess.UserID)
	if is(err, huiqi.ENOTFOUND) {
		return nil, nil, errSignedOut
	} else if err != nil {
		return nil, nil, err
	}
	if u.Disabled {
		return nil, nil, huiqi.Errorf(huiqi.EUNAUTHORIZED, "账号已停用，请联系管理员")
	}
	return u, sess, nil
}

// SignOut ends the session of a token; an unknown or expired token is
// already signed out.
func (s *Service) SignOut(ctx context.Context, token string) error {
	if token == "" || len(token) > 128 {
		return nil
	}
	hash := tokenHash(token)
	sess, err := s.store.FindSession(ctx, hash, s.now())
	if is(err, huiqi.ENOTFOUND) {
		return nil
	} else if err != nil {
		return err
	}
	if err := s.store.DeleteSession(ctx, hash); err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	return s.audit(ctx, sess.UserID, ActionSignOut, "user:"+sess.UserID, "")
}

// SignOutEverywhere ends every session of a user; actor is who asked (the
// user, or an administrator). It returns how many sessions ended.
func (s *Service) SignOutEverywhere(ctx context.Context, actor, userID string) (int, error) {
	n, err := s.store.DeleteUserSessions(ctx, userID)
	if err != nil {
		return 0, fmt.Errorf("sign out everywhere: %w", err)
	}
	return n, s.audit(ctx, actor, ActionSignOutAll, "user:"+userID, detail(map[string]any{"sessions": n}))
}
