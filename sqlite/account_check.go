package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

var _ huiqi.AccountStore = (*DB)(nil)

// newID returns prefix and 26 random base32 characters (130 bits).
func newID(prefix string) string { return prefix + strings.ToLower(rand.Text()) }

// clock is the store's now as every table keeps it: UTC, microseconds.
func (db *DB) clock() time.Time { return micro(db.Now()) }

// micro is t as the stores keep it (PostgreSQL keeps microseconds).
func micro(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func ts(t time.Time) string { return t.UTC().Format(timeFormat) }

// checkRole refuses a role the domain does not know.
func checkRole(r huiqi.Role) error {
	switch r {
	case huiqi.RoleEnterprise, huiqi.RoleOfficer, huiqi.RoleReviewer, huiqi.RoleAdmin:
		return nil
	}
	return huiqi.Errorf(huiqi.EINVALID, "用户角色 %q 无效", r)
}

// checkUser checks a new user: a known role, and a phone or a username to
// sign in with.
func checkUser(u *huiqi.User) error {
	if u == nil {
		return huiqi.Errorf(huiqi.EINVALID, "user is required")
	}
	if err := checkRole(u.Role); err != nil {
		return err
	}
	if u.Phone == "" && u.Username == "" {
		return huiqi.Errorf(huiqi.EINVALID, "用户须有手机号或用户名")
	}
	return nil
}

func encodeRegions(rs []string) string {
	if len(rs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(rs) // a []string always encodes
	return string(b)
}

func decodeRegions(s string) ([]string, error) {
	var rs []string
	if err := json.Unmarshal([]byte(s), &rs); err != nil {
		return nil, fmt.Errorf("regions %q: %w", s, err)
	}
	if len(rs) == 0 {
		return nil, nil
	}
	return rs, nil
}

// withObject names the object of ev when the caller could not (an ID the
// store assigns).
func withObject(ev *huiqi.AuditEntry, object string) *huiqi.AuditEntry {
	if ev != nil && ev.Object == "" {
		ev.Object = object
	}
	return ev
}

// inWrite runs fn in a write transaction and commits it; errors are wrapped
// with what.
func (db *DB) inWrite(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return nil
}

// userExists fails with ENOTFOUND unless the user id exists.
func userExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 不存在", id)
	}
	return nil
}
