package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// SearchIndex is huiqi.SearchIndex in server mode: PostgreSQL full text in the
// store's own database (tables search_docs, search_heads, search_clauses and
// search_repeals of migrations 0002, 0003 and 0005). Terms are cut in Go by
// zhtext, the same analysis as the embedded index, and stored as literal
// tsvectors; PostgreSQL only matches, ranks, filters and counts. See
// docs/architecture.md, "Search in PostgreSQL server mode".
type SearchIndex struct {
	db *sql.DB
	// owner is the DB this index opened itself, closed by Close; nil when
	// the index shares a store's pool.
	owner *DB
}

var _ huiqi.SearchIndex = (*SearchIndex)(nil)

// SearchIndex returns the search index of the store's database, sharing its
// connection pool. Its Close does nothing: the DB owns the pool.
func (db *DB) SearchIndex() *SearchIndex { return &SearchIndex{db: db.db} }

// OpenSearchIndex connects to the database named by dsn, applies pending
// migrations and returns its search index, which Close disconnects.
func OpenSearchIndex(ctx context.Context, dsn string) (*SearchIndex, error) {
	db, err := Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &SearchIndex{db: db.db, owner: db}, nil
}

// Close closes the connection pool when the index opened it.
func (ix *SearchIndex) Close() error {
	if ix.owner != nil {
		return ix.owner.Close()
	}
	return nil
}

// Count returns the number of indexed policies.
func (ix *SearchIndex) Count(ctx context.Context) (int, error) {
	var n int
	if err := ix.db.QueryRowContext(ctx, `SELECT count(*) FROM search_docs`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: search count: %w", err)
	}
	return n, nil
}

// searchLock is the pg_advisory_xact_lock key taken by every index write.
// Writes are serialised so that the superseded flags, which depend on other
// rows, are recomputed from committed data: two concurrent writes (a policy
// and the one repealing it) would otherwise each miss the other.
const searchLock = 0x6875_6971_6978 // "huiqix"

// Delete removes a policy from the index; an unknown ID is not an error.
func (ix *SearchIndex) Delete(ctx context.Context, id string) error {
	err := ix.write(ctx, func(tx *sql.Tx) error {
		old, err := repealKeys(ctx, tx, []string{id})
		if err != nil {
			return err
		}
		// search_clauses and search_repeals follow by cascade.
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE policy_id = $1`, id); err != nil {
			return err
		}
		return resupersede(ctx, tx, nil, old)
	})
	if err != nil {
		return fmt.Errorf("postgres: search delete %s: %w", id, err)
	}
	return nil
}

// write runs fn in a transaction holding the index write lock.
func (ix *SearchIndex) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+strconv.Itoa(searchLock)+`)`); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// repealKeys returns the keys the policies' indexed entries repeal.
func repealKeys(ctx context.Context, tx *sql.Tx, ids []string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT key FROM search_repeals WHERE policy_id = ANY($1::text[])`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// resupersede recomputes the superseded flag of the policies ids and of
// every policy a key names: those are the only rows a write can change.
func resupersede(ctx context.Context, tx *sql.Tx, ids, keys []string) error {
	if keys == nil {
		keys = []string{}
	}
	if ids == nil {
		ids = []string{}
	}
	// Only rows whose flag changes are written: a generic title may name
	// thousands of policies, and rewriting each would cost a row version.
	_, err := tx.ExecContext(ctx, `UPDATE search_docs d SET superseded = NOT d.superseded
		WHERE (d.policy_id = ANY($1::text[]) OR d.title_key = ANY($2::text[])
			OR (d.number_key <> '' AND d.number_key = ANY($2::text[])))
		AND d.superseded <> EXISTS (SELECT 1 FROM search_repeals r WHERE r.policy_id <> d.policy_id
			AND (r.key = d.title_key OR (d.number_key <> '' AND r.key = d.number_key)))`,
		ids, keys)
	if err != nil {
		return fmt.Errorf("superseded: %w", err)
	}
	return nil
}
