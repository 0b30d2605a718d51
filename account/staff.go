package account

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// username is a staff login name: a lower-case letter, then 2 to 31 lower-case
// letters, digits, dots, hyphens or underscores.
var username = regexp.MustCompile(`^[a-z][a-z0-9._-]{2,31}$`)

var regionCode = regexp.MustCompile(`^[1-9][0-9]{5}$`)

// NewStaff checks a staff member's details and returns the user, its
// password hashed, ready for CreateStaff. Officers and reviewers need at
// least one region; an administrator with none acts everywhere.
func NewStaff(name, displayName string, role huiqi.Role, regions []string, phone, password string) (*huiqi.User, error) {
	u := &huiqi.User{Username: strings.TrimSpace(name), Name: strings.TrimSpace(displayName), Role: role}
	switch {
	case !username.MatchString(u.Username):
		return nil, huiqi.Errorf(huiqi.EINVALID, "用户名 %q 无效：小写字母开头，3 到 32 个小写字母、数字或 . _ -", u.Username)
	case u.Name == "" || utf8.RuneCountInString(u.Name) > 32:
		return nil, huiqi.Errorf(huiqi.EINVALID, "姓名应为 1 到 32 个字符")
	case !role.Staff():
		return nil, huiqi.Errorf(huiqi.EINVALID, "角色 %q 无效：应为 admin、officer 或 reviewer", role)
	}
	for _, r := range regions {
		if r = strings.TrimSpace(r); !regionCode.MatchString(r) {
			return nil, huiqi.Errorf(huiqi.EINVALID, "地区代码 %q 无效：应为 6 位行政区划代码（GB/T 2260）", r)
		}
		u.Regions = append(u.Regions, r)
	}
	if len(u.Regions) == 0 && role != huiqi.RoleAdmin {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s至少需要一个地区", role.Label())
	}
	if phone != "" {
		p, err := NormalizePhone(phone)
		if err != nil {
			return nil, err
		}
		u.Phone = p
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	u.PasswordHash = hash
	return u, nil
}

// CreateStaff stores a staff member NewStaff made; actor is who adds them
// ("system" from the command line).
func CreateStaff(ctx context.Context, st huiqi.AccountStore, actor string, u *huiqi.User, now time.Time) error {
	// The store names the object, user:<the new ID>.
	ev := &huiqi.AuditEntry{At: now, Actor: actor, Action: ActionUserCreate,
		Detail: detail(map[string]any{"username": u.Username, "role": u.Role, "regions": u.Regions})}
	if err := st.CreateUser(ctx, u, ev); err != nil {
		return fmt.Errorf("add user %s: %w", u.Username, err)
	}
	return nil
}

// SetDisabled disables or enables a user; disabling also ends every
// session. It returns how many sessions ended.
func SetDisabled(ctx context.Context, st huiqi.AccountStore, actor string, u *huiqi.User, disabled bool, now time.Time) (int, error) {
	u.Disabled = disabled
	ev := &huiqi.AuditEntry{At: now, Actor: actor, Action: ActionUserUpdate, Object: "user:" + u.ID,
		Detail: detail(map[string]any{"disabled": disabled})}
	if err := st.UpdateUser(ctx, u, ev); err != nil {
		return 0, fmt.Errorf("update user %s: %w", u.ID, err)
	}
	if !disabled {
		return 0, nil
	}
	n, err := st.DeleteUserSessions(ctx, u.ID)
	if err != nil {
		return 0, fmt.Errorf("sign out user %s: %w", u.ID, err)
	}
	return n, nil
}

// SetPassword gives a staff member a new password and ends every session
// they have, so whoever knew the old one is out. It returns how many
// sessions ended.
func SetPassword(ctx context.Context, st huiqi.AccountStore, actor string, u *huiqi.User, password string, now time.Time) (int, error) {
	if !u.Role.Staff() {
		return 0, huiqi.Errorf(huiqi.EINVALID, "%s使用短信验证码登录，没有密码", u.Role.Label())
	}
	hash, err := HashPassword(password)
	if err != nil {
		return 0, err
	}
	u.PasswordHash = hash
	ev := &huiqi.AuditEntry{At: now, Actor: actor, Action: ActionUserUpdate, Object: "user:" + u.ID,
		Detail: detail(map[string]any{"password": "changed"})}
	if err := st.UpdateUser(ctx, u, ev); err != nil {
		return 0, fmt.Errorf("update user %s: %w", u.ID, err)
	}
	n, err := st.DeleteUserSessions(ctx, u.ID)
	if err != nil {
		return 0, fmt.Errorf("sign out user %s: %w", u.ID, err)
	}
	return n, nil
}
