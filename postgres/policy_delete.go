package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/huiqi-dev/huiqi"
)

// DeletePolicy removes policy id, its versions and their rows (by cascade),
// and the files no other version references.
//
// A save may reference one of these files at the same moment. If it commits
// first, our file deletion fails its foreign-key check and is retried, then
// keeping the file; if we commit first, the save's check fails and SavePolicy
// retries, storing the file again.
func (db *DB) DeletePolicy(ctx context.Context, id string) error {
	var err error
	for attempt := 1; attempt <= raceAttempts; attempt++ {
		if err = db.deleteTx(ctx, id); err == nil || !retryable(err) {
			break
		}
	}
	return err
}

func (db *DB) deleteTx(ctx context.Context, id string) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: delete policy %s: %w", id, err)
	}
	defer tx.Rollback()
	// The files to check are read before the cascade removes the versions.
	files, err := policyFiles(ctx, tx, id)
	if err != nil {
		return fmt.Errorf("postgres: delete policy %s: %w", id, err)
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM policies WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete policy %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", id)
	}
	for _, sum := range files {
		if _, err := tx.ExecContext(ctx, `DELETE FROM files WHERE sha256 = $1
			AND NOT EXISTS (SELECT 1 FROM policy_versions WHERE file_sha256 = $1)`, sum); err != nil {
			return fmt.Errorf("postgres: delete policy %s: file %s: %w", id, sum, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: delete policy %s: commit: %w", id, err)
	}
	return nil
}

func policyFiles(ctx context.Context, tx *sql.Tx, id string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT file_sha256 FROM policy_versions
		WHERE policy_id = $1 AND file_sha256 IS NOT NULL`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
