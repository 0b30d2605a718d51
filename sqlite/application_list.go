package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// regionGlob ends a region prefix's GLOB pattern: GLOB uses the region
// index, unlike LIKE (case-insensitive in SQLite).
const regionGlob = "*"

// appWhere builds the filter of a listing, leaving out empty fields.
func appWhere(f huiqi.ApplicationFilter) (string, []any, error) {
	var conds []string
	var args []any
	for _, eq := range [][2]string{{"user_id", f.UserID}, {"credit_code", f.CreditCode}, {"policy_id", f.PolicyID}} {
		if eq[1] != "" {
			conds, args = append(conds, eq[0]+" = ?"), append(args, eq[1])
		}
	}
	globs, err := storekit.RegionPatterns(f.RegionPrefixes, regionGlob)
	if err != nil {
		return "", nil, err
	}
	if len(globs) > 0 {
		conds = append(conds, "("+strings.TrimSuffix(strings.Repeat("region_code GLOB ? OR ", len(globs)), " OR ")+")")
		for _, g := range globs {
			args = append(args, g)
		}
	}
	if len(f.Statuses) > 0 {
		for _, s := range f.Statuses {
			if err := storekit.CheckAppStatus(s); err != nil {
				return "", nil, err
			}
			args = append(args, s)
		}
		conds = append(conds, "status IN ("+placeholders(len(f.Statuses))+")")
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// appOrder is the order of listings, most recently updated first.
const appOrder = `updated_at DESC, id DESC`

// ListApplications lists the applications matching f, most recently
// updated first, with their steps and files (not their bytes), and the
// number matching. The page's rows are found by rowid first, from an index
// alone when one covers the filter (applications_queue for the reviewers'
// queue), so that only the page's rows are read from the table and no
// sort carries the forms of every match.
func (db *DB) ListApplications(ctx context.Context, f huiqi.ApplicationFilter) ([]huiqi.Application, int, error) {
	limit, offset, err := storekit.Page(huiqi.PolicyFilter{Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return nil, 0, err
	}
	where, args, err := appWhere(f)
	if err != nil {
		return nil, 0, err
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list applications: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM applications`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count applications: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+appColumns+` FROM applications WHERE rowid IN (
		SELECT rowid FROM applications`+where+` ORDER BY `+appOrder+` LIMIT ? OFFSET ?) ORDER BY `+appOrder,
		append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list applications: %w", err)
	}
	defer rows.Close()
	out, err := storekit.Collect(rows, scanApplication)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list applications: %w", err)
	}
	rows.Close()
	if err := loadAppDetails(ctx, tx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}
