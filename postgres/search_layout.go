package postgres

import (
	"context"
	"fmt"
)

// rowLayout is the layout of the search rows this huiqi writes, recorded in
// search_docs.layout (migration 0005): 1, the facet tokens hold the
// beneficiary types. Rows of another layout lack something this huiqi
// derives from a policy in Go, which no migration can compute for them.
// Raise it whenever what a row holds changes in a way only rewriting the row
// fixes (a new facet, a value derived otherwise, huiqi.BeneficiaryTypeOf's
// words included), so that serve finds the rows to rewrite.
const rowLayout = 1

// Outdated returns how many indexed policies were written under another
// layout than this huiqi's: rows an older huiqi wrote, which `huiqi reindex`
// rewrites. huiqi serve checks it at start-up. Their entries still match and
// count; they lack only what the later layouts added (the beneficiary types
// since layout 1).
func (ix *SearchIndex) Outdated(ctx context.Context) (int, error) {
	var n int
	err := ix.db.QueryRowContext(ctx, `SELECT count(*) FROM search_docs WHERE layout <> $1`, rowLayout).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("postgres: search layout: %w", err)
	}
	return n, nil
}
