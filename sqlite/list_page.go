package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// listPage counts the rows of table matching where and reads one page of
// them, most recently updated first (pageQuery), in tx: the listings of
// applications and threads.
func listPage[T any](ctx context.Context, tx *sql.Tx, table, columns, where string, args []any, limit, offset int,
	scan func(interface{ Scan(...any) error }) (T, error)) ([]T, int, error) {
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count %s: %w", table, err)
	}
	rows, err := tx.QueryContext(ctx, pageQuery(columns, table, where, total), append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list %s: %w", table, err)
	}
	defer rows.Close()
	out, err := storekit.Collect(rows, scan)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list %s: %w", table, err)
	}
	return out, total, nil
}
