package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// regionLike ends a region prefix's LIKE pattern, which uses the
// text_pattern_ops index.
const regionLike = "%"

// appWhere builds the filter of a listing, leaving out empty fields.
func appWhere(f huiqi.ApplicationFilter) (string, []any, error) {
	var conds []string
	var args []any
	for _, eq := range [][2]string{{"user_id", f.UserID}, {"credit_code", f.CreditCode}, {"policy_id", f.PolicyID}} {
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
		// One LIKE each rather than LIKE ANY (array): the planner turns a
		// prefix LIKE into an index range, not an array of them.
		likes := make([]string, len(patterns))
		for i, p := range patterns {
			args = append(args, p)
			likes[i] = "region_code LIKE " + bind(len(args))
		}
		conds = append(conds, "("+strings.Join(likes, " OR ")+")")
	}
	if len(f.Statuses) > 0 {
		statuses := make([]string, len(f.Statuses))
		for i, s := range f.Statuses {
			if err := storekit.CheckAppStatus(s); err != nil {
				return "", nil, err
			}
			statuses[i] = string(s)
		}
		args = append(args, statuses)
		conds = append(conds, "status = ANY ("+bind(len(args))+")")
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// appOrder is the order of listings, most recently updated first.
const appOrder = `updated_at DESC, id DESC`

// deferAbove is the number of matches above which a listing finds its
// page's IDs first. Below it, one query reading and sorting every match
// is faster: the two-level query takes longer to plan (about 0.3 ms).
const deferAbove = 256

// pageQuery returns the query of a listing's page of table, its limit and
// offset the two arguments after nargs. When more than deferAbove rows
// match, it finds the page's IDs first, by an index-only scan when an
// index covers the filter (applications_queue, threads_queue), and reads
// only the page's rows from the table, not every match.
func pageQuery(columns, table, where string, nargs, matches int) string {
	page := ` ORDER BY ` + appOrder + ` LIMIT ` + bind(nargs+1) + ` OFFSET ` + bind(nargs+2)
	if matches <= deferAbove {
		return `SELECT ` + columns + ` FROM ` + table + where + page
	}
	return `SELECT ` + columns + ` FROM ` + table + ` WHERE id IN (SELECT id FROM ` + table + where + page +
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
	// REPEATABLE READ: the count and the page see the same snapshot.
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: list applications: %w", err)
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
