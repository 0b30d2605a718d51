package postgres

import (
	"context"
	"database/sql"
	"fmt"
)

// Prune removes the index entries of policies the store in the same
// database no longer holds, and returns how many it removed. `huiqi
// reindex` in server mode rewrites entries in place; Prune then drops those
// a delete left behind, so the index ends exactly in step with the store.
func (ix *SearchIndex) Prune(ctx context.Context) (int, error) {
	n := 0
	err := ix.write(ctx, func(tx *sql.Tx) error {
		ids, err := orphans(ctx, tx)
		if err != nil || len(ids) == 0 {
			return err
		}
		old, err := repealKeys(ctx, tx, ids)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE policy_id = ANY($1::text[])`, ids); err != nil {
			return err
		}
		n = len(ids)
		return resupersede(ctx, tx, nil, old)
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: search prune: %w", err)
	}
	return n, nil
}

// orphans lists the indexed policies the store does not hold.
func orphans(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.policy_id FROM search_docs d
		WHERE NOT EXISTS (SELECT 1 FROM policies p WHERE p.id = d.policy_id)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
