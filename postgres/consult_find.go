package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// threadColumns are the columns scanThread reads, in order.
const threadColumns = `id, policy_id, policy_title, region_code, user_id, credit_code, question, status, created_at, updated_at`

func scanThread(row interface{ Scan(...any) error }) (huiqi.Thread, error) {
	var t huiqi.Thread
	err := row.Scan(&t.ID, &t.PolicyID, &t.PolicyTitle, &t.RegionCode, &t.UserID, &t.CreditCode, &t.Question,
		&t.Status, &t.CreatedAt, &t.UpdatedAt)
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return t, err
}

// FindThread returns a thread with its messages in order.
func (db *DB) FindThread(ctx context.Context, id string) (*huiqi.Thread, error) {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("postgres: find thread %s: %w", id, err)
	}
	defer tx.Rollback()
	t, err := scanThread(tx.QueryRowContext(ctx, `SELECT `+threadColumns+` FROM threads WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, huiqi.Errorf(huiqi.ENOTFOUND, "咨询 %s 不存在", id)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: find thread %s: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, by_user, by_name, role, text, citations, at
		FROM thread_messages WHERE thread_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: messages of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m huiqi.ThreadMessage
		var cites []byte
		if err := rows.Scan(&m.ID, &m.By, &m.ByName, &m.Role, &m.Text, &cites, &m.At); err != nil {
			return nil, fmt.Errorf("postgres: messages of %s: %w", id, err)
		}
		if m.Citations, err = storekit.DecodeCitations(cites); err != nil {
			return nil, fmt.Errorf("postgres: messages of %s: %w", id, err)
		}
		m.At = m.At.UTC()
		t.Messages = append(t.Messages, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: messages of %s: %w", id, err)
	}
	return &t, nil
}

// threadWhere builds the filter of a listing, leaving out empty fields.
func threadWhere(f huiqi.ThreadFilter) (string, []any, error) {
	var conds []string
	var args []any
	if f.Status != "" {
		if err := storekit.CheckThreadStatus(f.Status); err != nil {
			return "", nil, err
		}
	}
	for _, eq := range [][2]string{{"user_id", f.UserID}, {"policy_id", f.PolicyID}, {"status", string(f.Status)}} {
		if eq[1] != "" {
			args = append(args, eq[1])
			conds = append(conds, eq[0]+" = "+bind(len(args)))
		}
	}
	patterns, err := storekit.RegionPatterns(f.RegionPrefixes, regionLike)
	if err != nil {
		return "", nil, err
	}
	if len(patterns) > 0 {
		likes := make([]string, len(patterns))
		for i, p := range patterns {
			args = append(args, p)
			likes[i] = "region_code LIKE " + bind(len(args))
		}
		conds = append(conds, "("+strings.Join(likes, " OR ")+")")
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// ListThreads lists the threads matching f without their messages, most
// recently updated first, and the number matching, which chooses the
// page's query (pageQuery; threads_queue covers the officers' queue).
func (db *DB) ListThreads(ctx context.Context, f huiqi.ThreadFilter) ([]huiqi.Thread, int, error) {
	limit, offset, err := storekit.Page(huiqi.PolicyFilter{Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return nil, 0, err
	}
	where, args, err := threadWhere(f)
	if err != nil {
		return nil, 0, err
	}
	// REPEATABLE READ: the count and the page see the same snapshot.
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: list threads: %w", err)
	}
	defer tx.Rollback()
	out, total, err := listPage(ctx, tx, "threads", threadColumns, where, args, limit, offset, scanThread)
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}
