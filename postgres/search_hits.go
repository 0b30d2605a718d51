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

// hits returns the page of matching policies in order.
func (ix *SearchIndex) hits(ctx context.Context, pl *plan) ([]huiqi.SearchHit, error) {
	args := append(sqlArgs(nil), pl.args...)
	query := `SELECT d.policy_id, d.version, d.title, d.doc_number, d.doc_type, d.region_code, d.region_name,
		d.issuers, d.issued_on::text, d.published_on::text, ` + pl.status + `, d.max_amount, ` + pl.rank + ` AS score
		FROM search_docs d` + pl.whereSQL(true) + ` ORDER BY ` + pl.order +
		` LIMIT ` + args.add(pl.limit) + ` OFFSET ` + args.add(pl.offset)
	rows, err := ix.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []huiqi.SearchHit{}
	for rows.Next() {
		h, err := scanHit(rows)
		if err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
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
