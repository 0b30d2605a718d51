package account

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// TokenPrefix starts every API token, so a leaked one is easy to recognise.
const TokenPrefix = "hq_"

// NewToken creates an API token for a user and returns it with its record.
// The token is shown this once; the store keeps its hash.
func (s *Service) NewToken(ctx context.Context, userID, name string) (string, *huiqi.APIToken, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 64 {
		return "", nil, huiqi.Errorf(huiqi.EINVALID, "令牌名称应为 1 到 64 个字符")
	}
	u, err := s.store.FindUser(ctx, userID)
	if err != nil {
		return "", nil, err
	}
	if u.Disabled {
		return "", nil, huiqi.Errorf(huiqi.EFORBIDDEN, "账号已停用，不能创建令牌")
	}
	token := TokenPrefix + newToken()
	t := &huiqi.APIToken{UserID: userID, Name: name, Hash: tokenHash(token), CreatedAt: s.now()}
	ev := &huiqi.AuditEntry{At: t.CreatedAt, Actor: userID, Action: ActionTokenCreate, Object: "user:" + userID,
		Detail: detail(map[string]any{"name": name})}
	if err := s.store.CreateToken(ctx, t, ev); err != nil {
		return "", nil, fmt.Errorf("create token: %w", err)
	}
	return token, t, nil
}

// TokenUser returns the user an API token acts as; EUNAUTHORIZED for an
// unknown or revoked token or a disabled user.
func (s *Service) TokenUser(ctx context.Context, token string) (*huiqi.User, error) {
	bad := huiqi.Errorf(huiqi.EUNAUTHORIZED, "API 令牌无效或已撤销")
	if !strings.HasPrefix(token, TokenPrefix) || len(token) > 128 {
		return nil, bad
	}
	t, err := s.store.FindToken(ctx, tokenHash(token), s.now())
	if is(err, huiqi.ENOTFOUND) {
		return nil, bad
	} else if err != nil {
		return nil, err
	}
	u, err := s.store.FindUser(ctx, t.UserID)
	if is(err, huiqi.ENOTFOUND) {
		return nil, bad
	} else if err != nil {
		return nil, err
	}
	if u.Disabled {
		return nil, huiqi.Errorf(huiqi.EUNAUTHORIZED, "账号已停用，请联系管理员")
	}
	return u, nil
}
