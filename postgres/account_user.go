package postgres

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
	err := db.inTx(ctx, "create user", func(tx *sql.Tx) error {
		if err := userTaken(ctx, tx, u, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO users (`+userColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			id, u.Phone, u.Username, u.Name, string(u.Role), storekit.EncodeRegions(u.Regions), u.PasswordHash, u.Disabled, now)
		if err != nil {
			return takenError(err, u)
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
	return db.inTx(ctx, "update user "+u.ID, func(tx *sql.Tx) error {
		if err := userTaken(ctx, tx, &huiqi.User{Phone: u.Phone}, u.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE users SET name = $1, phone = $2, role = $3, regions = $4,
			password_hash = $5, disabled = $6 WHERE id = $7`,
			u.Name, u.Phone, string(u.Role), storekit.EncodeRegions(u.Regions), u.PasswordHash, u.Disabled, u.ID)
		if err != nil {
			return takenError(err, u)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return huiqi.Errorf(huiqi.ENOTFOUND, "用户 %q 不存在", u.ID)
		}
		return appendAudit(ctx, tx, storekit.WithObject(ev, "user:"+u.ID))
	})
}

// userTaken fails with ECONFLICT when another user than except has u's
// phone or username. A writer in parallel may still take them before
// commit; the unique indexes refuse that one (takenError).
func userTaken(ctx context.Context, tx *sql.Tx, u *huiqi.User, except string) error {
	var n int
	if u.Phone != "" {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE phone = $1 AND id <> $2`, u.Phone, except).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return takenError(nil, u)
		}
	}
	if u.Username != "" {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE username = $1 AND id <> $2`, u.Username, except).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return huiqi.Errorf(huiqi.ECONFLICT, "用户名 %q 已被使用", u.Username)
		}
	}
	return nil
}

// takenError is ECONFLICT for a taken phone (err nil, or the phone's unique
// index violated) or username; other errors are returned as they are.
func takenError(err error, u *huiqi.User) error {
	switch {
	case err == nil || violated(err, "23505") == "users_phone":
		return huiqi.Errorf(huiqi.ECONFLICT, "手机号 %s 已被其他用户使用", u.Phone)
	case violated(err, "23505") == "users_username":
		return huiqi.Errorf(huiqi.ECONFLICT, "用户名 %q 已被使用", u.Username)
	}
	return err
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
	u, err := scanUser(db.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE `+col+` = $1`, v))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, notFound, v)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find user by %s: %w", col, err)
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
	rows, err := db.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE $1 = '' OR role = $1
		ORDER BY created_at, id`, string(role))
	if err != nil {
		return nil, fmt.Errorf("postgres: list users: %w", err)
	}
	defer rows.Close()
	out, err := storekit.CollectValues(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("postgres: list users: %w", err)
	}
	return out, nil
}

func scanUser(r interface{ Scan(...any) error }) (*huiqi.User, error) {
	var u huiqi.User
	var regions string
	if err := r.Scan(&u.ID, &u.Phone, &u.Username, &u.Name, &u.Role, &regions, &u.PasswordHash, &u.Disabled, &u.CreatedAt); err != nil {
		return nil, err
	}
	var err error
	u.Regions, err = storekit.DecodeRegions(regions)
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, err
}
