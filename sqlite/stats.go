package sqlite

import (
	"context"
	"fmt"
)

// tables lists every table the migrations create, for RowCounts.
var tables = []string{"policies", "policy_versions", "files", "measures", "targets", "tasks", "task_units", "clauses",
	"profiles", "profile_versions", "audit_log", "users", "user_enterprises", "sms_codes", "sessions", "api_tokens",
	"sms_outbox", "applications", "application_steps", "attachments", "threads", "thread_messages", "notifications",
	"policy_curations", "curated_rules"}

// RowCounts returns the number of rows of every table, for tests and `huiqi stats`.
func (db *DB) RowCounts(ctx context.Context) (map[string]int, error) {
	out := make(map[string]int, len(tables))
	for _, t := range tables {
		var n int
		// t comes from the fixed list above, never from input.
		if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: count %s: %w", t, err)
		}
		out[t] = n
	}
	return out, nil
}
