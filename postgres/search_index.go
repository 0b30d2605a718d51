package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// Index adds or replaces the policy's entry; see huiqi.SearchIndex.
func (ix *SearchIndex) Index(ctx context.Context, p *huiqi.Policy) error {
	return ix.IndexBatch(ctx, []*huiqi.Policy{p})
}

// IndexBatch adds or replaces many policies in one transaction (ingest,
// reindex and the server's start-up sync use it). Their terms are cut first,
// on every CPU and before the write lock is taken, so the lock is held only
// for the writes.
func (ix *SearchIndex) IndexBatch(ctx context.Context, ps []*huiqi.Policy) error {
	if len(ps) == 0 {
		return nil
	}
	for _, p := range ps {
		if p == nil || p.ID == "" {
			return huiqi.Errorf(huiqi.EINVALID, "search index: a policy needs an ID (store it first)")
		}
		if !validTexts(p) {
			return huiqi.Errorf(huiqi.EINVALID, "search index %s: text that is not UTF-8 or holds NUL", p.ID)
		}
	}
	docs := buildDocs(ps)
	ids := make([]string, len(ps))
	var keys []string
	for i, d := range docs {
		ids[i] = d.id
		keys = append(keys, d.repeals...)
	}
	err := ix.write(ctx, func(tx *sql.Tx) error {
		old, err := repealKeys(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if err := d.write(ctx, tx); err != nil {
				return fmt.Errorf("%s: %w", d.id, err)
			}
		}
		return resupersede(ctx, tx, ids, append(old, keys...))
	})
	if err != nil {
		return fmt.Errorf("postgres: search index: %w", err)
	}
	return nil
}

// buildDocs makes the rows of each policy, on as many goroutines as CPUs:
// cutting the text is most of the cost of indexing.
func buildDocs(ps []*huiqi.Policy) []*searchDoc {
	docs := make([]*searchDoc, len(ps))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ps)) {
		wg.Go(func() {
			for i := range next {
				docs[i] = newSearchDoc(ps[i])
			}
		})
	}
	for i := range ps {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs
}

// write replaces the policy's rows in the four search tables.
func (d *searchDoc) write(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE policy_id = $1`, d.id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_docs (policy_id, draft, max_amount, sort_date,
		expires_on, facets, region_code, region_path, title_key, number_key, terms, layout)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::tsvector, $12)`,
		d.id, d.draft, d.maxAmount, d.sortDate, d.expiresOn, d.facets, d.regionCode, d.regionPath,
		d.titleKey, d.numberKey, d.terms, rowLayout); err != nil {
		return fmt.Errorf("doc row: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_heads (policy_id, version, issued_on,
		published_on, doc_type, issuers, title, doc_number, region_name, beneficiaries, head, bens)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::tsvector, $12::tsvector)`,
		d.id, d.version, d.issuedOn, d.publishedOn, d.docType, d.issuers, d.title, d.docNumber,
		d.regionName, d.beneficiaries, d.head, d.bens); err != nil {
		return fmt.Errorf("head row: %w", err)
	}
	if err := insertClauses(ctx, tx, d.id, d.clauses); err != nil {
		return fmt.Errorf("clause rows: %w", err)
	}
	for _, k := range d.repeals {
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_repeals (policy_id, key) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, d.id, k); err != nil {
			return fmt.Errorf("repeal row: %w", err)
		}
	}
	return nil
}

// clauseBatch is the number of clause rows per INSERT: 4 parameters each,
// far below PostgreSQL's 65535.
const clauseBatch = 200

// insertClauses writes the clause rows in multi-row INSERTs, one round trip
// per batch rather than per clause.
func insertClauses(ctx context.Context, tx *sql.Tx, id string, cs []searchClause) error {
	for start := 0; start < len(cs); start += clauseBatch {
		part := cs[start:min(start+clauseBatch, len(cs))]
		var sb strings.Builder
		sb.WriteString(`INSERT INTO search_clauses (policy_id, ordinal, path, text) VALUES `)
		args := make([]any, 0, 4*len(part))
		for i, c := range part {
			if i > 0 {
				sb.WriteString(", ")
			}
			n := len(args)
			fmt.Fprintf(&sb, "(%s, %s, %s, %s)", bind(n+1), bind(n+2), bind(n+3), bind(n+4))
			args = append(args, id, start+i, c.path, c.text)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// validTexts reports whether every text the index stores is valid for
// PostgreSQL (see validText).
func validTexts(p *huiqi.Policy) bool {
	texts := []string{p.Title, p.DocNumber, p.DocType, p.Text}
	texts = append(texts, p.Issuers...)
	if p.Region != nil {
		texts = append(texts, p.Region.Code, p.Region.Name)
	}
	for _, m := range p.Measures {
		texts = append(texts, m.Beneficiary, m.Text, string(m.Kind))
	}
	for _, r := range p.Repeals {
		texts = append(texts, r.Title, r.DocNumber)
	}
	for _, c := range p.Clauses {
		texts = append(texts, c.Path)
	}
	for _, s := range texts {
		if !validText(s) {
			return false
		}
	}
	return true
}

// validText reports whether PostgreSQL can store s as text: UTF-8 without NUL.
func validText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// dateOrNil is a date argument, NULL when unset.
func dateOrNil(d huiqi.Date) any { return storekit.DateArg(d) }
