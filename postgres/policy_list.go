package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// listWhere builds the filter on the latest version's region and doc type,
// leaving out empty values so that the planner sees plain equalities.
func listWhere(f huiqi.PolicyFilter) (string, []any) {
	var conds []string
	var args []any
	if f.RegionCode != "" {
		args = append(args, f.RegionCode)
		conds = append(conds, fmt.Sprintf("p.region_code = $%d", len(args)))
	}
	if f.DocType != "" {
		args = append(args, f.DocType)
		conds = append(conds, fmt.Sprintf("p.doc_type = $%d", len(args)))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ListPolicies returns summaries of latest versions, most recently updated
// first, and the number of policies matching f.
func (db *DB) ListPolicies(ctx context.Context, f huiqi.PolicyFilter) ([]huiqi.PolicySummary, int, error) {
	limit, offset, err := storekit.Page(f)
	if err != nil {
		return nil, 0, err
	}
	// REPEATABLE READ, so the count and the page see the same snapshot.
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: list policies: %w", err)
	}
	defer tx.Rollback()
	where, args := listWhere(f)
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM policies p`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: count policies: %w", err)
	}
	rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT p.id, v.version, v.title, v.doc_number, v.doc_type,
		v.region_code, v.issuers, to_char(v.issued_on, 'YYYY-MM-DD'), to_char(v.published_on, 'YYYY-MM-DD'),
		v.draft, v.measures, v.targets, v.tasks, p.updated_at
		FROM policies p JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.latest_version%s
		ORDER BY p.updated_at DESC, p.id LIMIT %d OFFSET %d`, where, limit, offset), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: list policies: %w", err)
	}
	defer rows.Close()
	out := []huiqi.PolicySummary{}
	for rows.Next() {
		s, err := scanSummary(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("postgres: list policies: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("postgres: list policies: %w", err)
	}
	return out, total, nil
}

func scanSummary(rows *sql.Rows) (huiqi.PolicySummary, error) {
	var s huiqi.PolicySummary
	var issuers string
	var issued, published sql.NullString
	err := rows.Scan(&s.ID, &s.Version, &s.Title, &s.DocNumber, &s.DocType, &s.RegionCode, &issuers,
		&issued, &published, &s.Draft, &s.Measures, &s.Targets, &s.Tasks, &s.UpdatedAt)
	s.Issuers = storekit.ParseIssuers(issuers)
	s.IssuedOn, s.PublishedOn = storekit.ScanDate(issued), storekit.ScanDate(published)
	s.UpdatedAt = s.UpdatedAt.UTC()
	return s, err
}
