package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

const userColumns = `id, phone, username, name, role, regions, password_hash, disabled, created_at`

// CreateUser stores u, sets u.ID and u.CreatedAt, and appends ev (its
// object defaults to the new user) in the same transaction.
func (db *DB) CreateUser(ctx context.Context, u *huiqi.User, ev *huiqi.AuditEntry) error {
	if err := storekit.CheckUser(u); err != nil {
		return err
	}
	id, now := storekit.NewID("u_"), db.clock()
	err := db.inWrite(ctx, "create user", func(tx *sql.Tx) error {
		if err := userTaken(ctx, tx, u, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO users (`+userColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, u.Phone, u.Username, u.Name, string(u.Role), storekit.EncodeRegions(u.Regions), u.PasswordHash, u.Disabled, ts(now))
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+id))
	})
	if err != nil {
		return err
	}
	u.ID, u.CreatedAt = id, now
	return nil
}

// UpdateUser replaces name, phone, role, regions, password hash and
// disabled of the user u.ID and appends ev in the same transaction.
func (db *DB) UpdateUser(ctx context.Context, u *huiqi.User, ev *huiqi.AuditEntry) error {
	if u == nil {
		return huiqi.Errorf(huiqi.EINVALID, "user is required")
	}
	if err := storekit.CheckRole(u.Role); err != nil {
		return err
	}
	return db.inWrite(ctx, "update user "+u.ID, func(tx *sql.Tx) error {
		if err := userExists(ctx, tx, u.ID); err != nil {
			return err
		}
		if err := userTaken(ctx, tx, &huiqi.User{Phone: u.Phone}, u.ID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE users SET name = ?, phone = ?, role = ?, regions = ?, password_hash = ?,
			disabled = ? WHERE id = ?`, u.Name, u.Phone, string(u.Role), storekit.EncodeRegions(u.Regions), u.PasswordHash, u.Disabled, u.ID)
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+u.ID))
	})
}

// userTaken fails with ECONFLICT when another user than except has u's
// phone or username.
func userTaken(ctx context.Context, tx *sql.Tx, u *huiqi.User, except string) error {
	var n int
	if u.Phone != "" {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE phone = ? AND id <> ?`, u.Phone, except).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return huiqi.Errorf(huiqi.ECONFLICT, "手机号 %s 已被其他用户使用", u.Phone)
		}
	}
	if u.Username != "" {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE username = ? AND id <> ?`, u.Username, except).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return huiqi.Errorf(huiqi.ECONFLICT, "用户名 %q 已被使用", u.Username)
		}
	}
	return nil
}

// FindUser returns the user id.
func (db *DB) FindUser(ctx context.Context, id string) (*huiqi.User, error) {
	return db.findUser(ctx, "id", id, "用户 %q 不存在")
}

// FindUserByPhone returns the user with the mobile number phone.
func (db *DB) FindUserByPhone(ctx context.Context, phone string) (*huiqi.User, error) {
	return db.findUser(ctx, "phone", phone, "手机号 %s 未注册")
}

// FindUserByUsername returns the staff member with the login name.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*huiqi.User, error) {
	return db.findUser(ctx, "username", username, "用户名 %q 不存在")
}

// findUser finds a user by a column of the fixed list above; "" is nobody's.
func (db *DB) findUser(ctx context.Context, col, v, notFound string) (*huiqi.User, error) {
	if v == "" {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, notFound, v)
	}
	u, err := scanUser(db.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE `+col+` = ?`, v))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, notFound, v)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find user by %s: %w", col, err)
	}
	return u, nil
}

// ListUsers lists users with the role ("" for all), oldest first.
func (db *DB) ListUsers(ctx context.Context, role huiqi.Role) ([]huiqi.User, error) {
	if role != "" {
		if err := storekit.CheckRole(role); err != nil {
			return nil, err
		}
	}
	rows, err := db.read.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE ? = '' OR role = ?
		ORDER BY created_at, id`, string(role), string(role))
	if err != nil {
		return nil, fmt.Errorf("sqlite: list users: %w", err)
	}
	defer rows.Close()
	out, err := storekit.CollectValues(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list users: %w", err)
	}
	return out, nil
}

func scanUser(r interface{ Scan(...any) error }) (*huiqi.User, error) {
	var u huiqi.User
	var regions, created string
	if err := r.Scan(&u.ID, &u.Phone, &u.Username, &u.Name, &u.Role, &regions, &u.PasswordHash, &u.Disabled, &created); err != nil {
		return nil, err
	}
	var err error
	u.Regions, err = storekit.DecodeRegions(regions)
	u.CreatedAt = parseTime(created)
	return &u, err
}
