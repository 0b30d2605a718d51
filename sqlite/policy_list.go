package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// listWhere builds the filter on the latest version's region and doc type,
// leaving out empty values so that the planner sees plain equalities and
// picks the matching index.
func listWhere(f huiqi.PolicyFilter) (string, []any) {
	var conds []string
	var args []any
	if f.RegionCode != "" {
		conds, args = append(conds, "p.region_code = ?"), append(args, f.RegionCode)
	}
	if f.DocType != "" {
		conds, args = append(conds, "p.doc_type = ?"), append(args, f.DocType)
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
	// One read transaction, so the count and the page see the same snapshot.
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list policies: %w", err)
	}
	defer tx.Rollback()
	where, args := listWhere(f)
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM policies p`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count policies: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT p.id, v.version, v.title, v.doc_number, v.doc_type,
		v.region_code, v.issuers, v.issued_on, v.published_on, v.draft, v.measures, v.targets, v.tasks,
		p.updated_at
		FROM policies p JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.latest_version`+
		where+` ORDER BY p.updated_at DESC, p.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list policies: %w", err)
	}
	defer rows.Close()
	out := []huiqi.PolicySummary{}
	for rows.Next() {
		s, err := scanSummary(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: list policies: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: list policies: %w", err)
	}
	return out, total, nil
}

func scanSummary(rows *sql.Rows) (huiqi.PolicySummary, error) {
	var s huiqi.PolicySummary
	var issuers, updated string
	var issued, published sql.NullString
	err := rows.Scan(&s.ID, &s.Version, &s.Title, &s.DocNumber, &s.DocType, &s.RegionCode, &issuers,
		&issued, &published, &s.Draft, &s.Measures, &s.Targets, &s.Tasks, &updated)
	s.Issuers = storekit.ParseIssuers(issuers)
	s.IssuedOn, s.PublishedOn = storekit.ScanDate(issued), storekit.ScanDate(published)
	s.UpdatedAt = parseTime(updated)
	return s, err
}
