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

// deferAbove is the number of matches above which a listing finds its
// page's rowids first; fewer are read and sorted by one simpler query.
const deferAbove = 256

// pageQuery returns the query of a listing's page of table, its limit and
// offset the last two arguments. When more than deferAbove rows match, it
// finds the page's rowids first, from an index alone when one covers the
// filter (applications_queue, threads_queue), so that only the page's rows
// are read from the table and no sort carries every match's columns.
func pageQuery(columns, table, where string, matches int) string {
	page := ` ORDER BY ` + appOrder + ` LIMIT ? OFFSET ?`
	if matches <= deferAbove {
		return `SELECT ` + columns + ` FROM ` + table + where + page
	}
	return `SELECT ` + columns + ` FROM ` + table + ` WHERE rowid IN (SELECT rowid FROM ` + table + where + page +
		`) ORDER BY ` + appOrder
}

// ListApplications lists the applications matching f, most recently
// updated first, with their steps and files (not their bytes), and the
// number matching (which chooses the page's query, see pageQuery).
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
	out, total, err := listPage(ctx, tx, "applications", appColumns, where, args, limit, offset, scanApplication)
	if err != nil {
		return nil, 0, err
	}
	if err := loadAppDetails(ctx, tx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}
