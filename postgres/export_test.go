package postgres

import (
	"context"
	"database/sql"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/migrate"
)

// MigrateTo applies the migrations up to version only, so that a test can
// fill the tables an older huiqi wrote before a later migration runs.
func (db *DB) MigrateTo(ctx context.Context, version int) error {
	ms, err := migrate.Load(migrationFS, "migrations")
	if err != nil {
		return err
	}
	var upto []migrate.Migration
	for _, m := range ms {
		if m.Version <= version {
			upto = append(upto, m)
		}
	}
	_, err = migrate.Up(ctx, db.db, dialect, upto)
	return err
}

// IndexV2 writes the search rows of policies as the layout of migration 0002
// held them (one wide search_docs row with year and measure_kinds columns).
func (db *DB) IndexV2(ctx context.Context, ps ...*huiqi.Policy) error {
	ix := &SearchIndex{db: db.db}
	var ids, keys []string
	return ix.write(ctx, func(tx *sql.Tx) error {
		for _, p := range ps {
			d := newSearchDoc(p)
			kinds, _, _ := measureFacets(p.Measures)
			var year any
			if day := sortDay(p); !day.IsZero() {
				year = day.Year
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO search_docs (policy_id, version, title, doc_number,
				doc_type, region_code, region_name, region_path, issuers, issued_on, published_on, sort_date, year,
				expires_on, draft, measure_kinds, beneficiaries, max_amount, title_key, number_key, terms, head, bens)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
				$21::tsvector, $22::tsvector, $23::tsvector)`,
				d.id, d.version, d.title, d.docNumber, d.docType, d.regionCode, d.regionName, d.regionPath,
				d.issuers, d.issuedOn, d.publishedOn, d.sortDate, year, d.expiresOn, d.draft, kinds,
				d.beneficiaries, d.maxAmount, d.titleKey, d.numberKey, d.terms, d.head, d.bens); err != nil {
				return err
			}
			if err := insertClauses(ctx, tx, d.id, d.clauses); err != nil {
				return err
			}
			for _, k := range d.repeals {
				if _, err := tx.ExecContext(ctx, `INSERT INTO search_repeals (policy_id, key) VALUES ($1, $2)
					ON CONFLICT DO NOTHING`, d.id, k); err != nil {
					return err
				}
			}
			ids, keys = append(ids, d.id), append(keys, d.repeals...)
		}
		return resupersede(ctx, tx, ids, keys)
	})
}
