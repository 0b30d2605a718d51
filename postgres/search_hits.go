package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// Search runs a query; see huiqi.SearchIndex. It takes three statements:
// the page of hits then their snippets, and meanwhile, on another
// connection, the total with every facet (one statement).
func (ix *SearchIndex) Search(ctx context.Context, q huiqi.SearchQuery) (*huiqi.SearchResult, error) {
	start := time.Now()
	pl, err := newPlan(q)
	if err != nil {
		return nil, err
	}
	res := &huiqi.SearchResult{Hits: []huiqi.SearchHit{}, Facets: emptyFacets()}
	if pl.none {
		res.Took = time.Since(start)
		return res, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	facetErr := make(chan error, 1)
	go func() {
		var err error
		if res.Total, res.Facets, err = ix.facets(ctx, pl); err != nil {
			err = fmt.Errorf("postgres: search facets: %w", err)
		}
		facetErr <- err
	}()
	hits, err := ix.page(ctx, pl)
	if ferr := <-facetErr; err == nil {
		err = ferr
	}
	if err != nil {
		return nil, err
	}
	res.Hits, res.Took = hits, time.Since(start)
	return res, nil
}

// page returns the hits with their snippets.
func (ix *SearchIndex) page(ctx context.Context, pl *plan) ([]huiqi.SearchHit, error) {
	hits, err := ix.hits(ctx, pl)
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	if len(hits) > 0 {
		if err := ix.snippets(ctx, pl.text, hits); err != nil {
			return nil, fmt.Errorf("postgres: search snippets: %w", err)
		}
	}
	return hits, nil
}

// rankPool bounds how many matches the full rank is computed for: ranking
// reads each match's whole terms vector (tens of KB, out of line), which
// over thousands of matches costs far more than finding them. The pool holds
// the matches whose title and issuers name the most query words, newest
// first; when there are fewer matches than the pool, the order is exact.
const rankPool = 200

// hitsSQL selects the page of hits: the policy IDs of the page (or of the
// ranking pool) first, then their columns and scores for those rows only.
func (pl *plan) hitsSQL() (string, []any) {
	args := append(sqlArgs(nil), pl.args...)
	where := pl.whereSQL(true)
	full, head := pl.ranks(&args)
	var inner, outer string
	if pl.relevance {
		inner = `SELECT d.policy_id FROM search_docs d JOIN search_heads h USING (policy_id)` + where +
			` ORDER BY ` + head + ` DESC, ` + byDate + ` LIMIT ` + args.add(max(rankPool, pl.offset+pl.limit))
		// A page past the pool's end ranks nothing: the full rank reads
		// every pooled row's terms.
		outer = ` WHERE (SELECT count(*) FROM page) > ` + args.add(pl.offset) +
			` ORDER BY score DESC, ` + byDate + ` LIMIT ` + args.add(pl.limit) + ` OFFSET ` + args.add(pl.offset)
	} else {
		inner = `SELECT d.policy_id FROM search_docs d` + where + ` ORDER BY ` + pl.order +
			` LIMIT ` + args.add(pl.limit) + ` OFFSET ` + args.add(pl.offset)
		outer = ` ORDER BY ` + pl.order
	}
	return `WITH page AS MATERIALIZED (` + inner + `)
		SELECT d.policy_id, h.version, h.title, h.doc_number, h.doc_type, d.region_code, h.region_name,
		h.issuers, h.issued_on::text, h.published_on::text, ` + pl.status + `, d.max_amount, ` + full + ` AS score
		FROM page JOIN search_docs d USING (policy_id) JOIN search_heads h USING (policy_id)` + outer, args
}

// hits returns the page of matching policies in order.
func (ix *SearchIndex) hits(ctx context.Context, pl *plan) ([]huiqi.SearchHit, error) {
	query, args := pl.hitsSQL()
	hits := []huiqi.SearchHit{}
	err := ix.query(ctx, pl.match != "", query, args, func(rows *sql.Rows) error {
		h, err := scanHit(rows)
		hits = append(hits, h)
		return err
	})
	return hits, err
}

// query runs a statement and calls fn for each row, in a read-only
// transaction that turns JIT compilation off (a plan priced above
// jit_above_cost, as any plan with a disabled sequential scan is, would spend
// hundreds of milliseconds compiling) and, with a condition on terms (text
// or a beneficiary), sequential scans: the planner counts a match against
// the terms vector as one cheap operator and, when most rows match, prefers
// reading the table to the GIN index, but a sequential scan decompresses
// every row's vector (150 ms for 10,000 policies where the index takes 5).
func (ix *SearchIndex) query(ctx context.Context, terms bool, query string, args []any, fn func(*sql.Rows) error) error {
	tx, err := ix.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	set := `SET LOCAL jit = off`
	if terms {
		set += `; SET LOCAL enable_seqscan = off`
	}
	if _, err := tx.ExecContext(ctx, set); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// typeMap scans PostgreSQL arrays into Go slices for database/sql.
var typeMap = pgtype.NewMap()

func scanHit(rows *sql.Rows) (huiqi.SearchHit, error) {
	var h huiqi.SearchHit
	var code, name string
	var issued, published sql.NullString
	var score float64
	err := rows.Scan(&h.ID, &h.Version, &h.Title, &h.DocNumber, &h.DocType, &code, &name,
		typeMap.SQLScanner(&h.Issuers), &issued, &published, &h.Status, &h.MaxAmount, &score)
	if err != nil {
		return h, err
	}
	if code != "" {
		h.Region = &huiqi.Region{Code: code, Name: name}
	}
	if h.Issuers == nil {
		h.Issuers = []string{}
	}
	h.IssuedOn, h.PublishedOn = storekit.ScanDate(issued), storekit.ScanDate(published)
	h.Score = score
	h.Snippets = []huiqi.Snippet{}
	return h, nil
}
