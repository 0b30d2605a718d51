package storekit

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// NewID returns prefix and 26 random base32 characters (130 bits).
func NewID(prefix string) string { return prefix + strings.ToLower(rand.Text()) }

// Micro is t as the stores keep it: UTC, to the microsecond (PostgreSQL's
// TIMESTAMPTZ precision, which SQLite's text copies).
func Micro(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// CheckRole refuses a role the domain does not know.
func CheckRole(r huiqi.Role) error {
	switch r {
	case huiqi.RoleEnterprise, huiqi.RoleOfficer, huiqi.RoleReviewer, huiqi.RoleAdmin:
		return nil
	}
	return huiqi.Errorf(huiqi.EINVALID, "用户角色 %q 无效", r)
}

// CheckUser checks a new user: a known role, and a phone or a username to
// sign in with.
func CheckUser(u *huiqi.User) error {
	if u == nil {
		return huiqi.Errorf(huiqi.EINVALID, "user is required")
	}
	if err := CheckRole(u.Role); err != nil {
		return err
	}
	if u.Phone == "" && u.Username == "" {
		return huiqi.Errorf(huiqi.EINVALID, "用户须有手机号或用户名")
	}
	return nil
}

// EncodeRegions is a user's regions as stored: a JSON array, [] for none.
func EncodeRegions(rs []string) string {
	if len(rs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(rs) // a []string always encodes
	return string(b)
}

// DecodeRegions reads stored regions; none is nil.
func DecodeRegions(s string) ([]string, error) {
	var rs []string
	if err := json.Unmarshal([]byte(s), &rs); err != nil {
		return nil, fmt.Errorf("regions %q: %w", s, err)
	}
	if len(rs) == 0 {
		return nil, nil
	}
	return rs, nil
}
