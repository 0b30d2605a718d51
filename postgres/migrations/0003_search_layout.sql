-- search_docs split in two so that what is read for every match stays small
-- and in the row. Under 0002 a row held head and bens in line (storage MAIN),
-- about 2 KB, so PostgreSQL moved every other varlena column out of line:
-- counting facets fetched issuers and measure kinds from TOAST, three buffer
-- reads each, per match, and read every page of the table.
--
-- search_docs now holds what a query filters, counts and orders by, about
-- 200 bytes a row, and terms (tens of KB, out of line, compressed with lz4,
-- which decompresses several times faster than pglz when a pool of matches
-- is ranked). search_heads holds what is shown and the small vectors that
-- choose the ranking pool, read only for the rows a page or a pool needs.
-- Every column but terms is MAIN: compressed before it would leave the row.
--
-- facets holds one token per facet value the policy is counted under: 'r'
-- region code, 'd' document type, 'y' year, 'i' issuer, 'k' measure kind. All
-- facets are counted in one pass over the matches by unnesting it, and the
-- issuer, type, year and kind filters are one GIN condition on it.
--
-- fillfactor 90 leaves room on each page so that flipping superseded is a
-- HOT update, which does not insert the terms' lexemes into the GIN index
-- again.

CREATE TABLE search_docs_v3 (
	policy_id   TEXT PRIMARY KEY,
	draft       BOOLEAN NOT NULL,
	superseded  BOOLEAN NOT NULL DEFAULT false,
	max_amount  BIGINT NOT NULL,
	sort_date   DATE,
	expires_on  DATE,
	facets      TEXT[] NOT NULL,
	region_code TEXT NOT NULL,
	region_path TEXT[] NOT NULL,
	title_key   TEXT NOT NULL,
	number_key  TEXT NOT NULL,
	terms       TSVECTOR NOT NULL
) WITH (fillfactor = 90);
-- lz4 where the server has it (PostgreSQL 14 and later, built with lz4, as
-- Debian's and the managed services' are); pglz elsewhere.
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 140000 THEN
		EXECUTE 'ALTER TABLE search_docs_v3 ALTER COLUMN terms SET COMPRESSION lz4';
	END IF;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
	NULL;
END $$;
ALTER TABLE search_docs_v3
	ALTER COLUMN policy_id SET STORAGE MAIN,
	ALTER COLUMN facets SET STORAGE MAIN,
	ALTER COLUMN region_code SET STORAGE MAIN,
	ALTER COLUMN region_path SET STORAGE MAIN,
	ALTER COLUMN title_key SET STORAGE MAIN,
	ALTER COLUMN number_key SET STORAGE MAIN;

CREATE TABLE search_heads (
	policy_id     TEXT PRIMARY KEY REFERENCES search_docs_v3 (policy_id) ON DELETE CASCADE,
	version       INTEGER NOT NULL,
	issued_on     DATE,
	published_on  DATE,
	doc_type      TEXT NOT NULL,
	issuers       TEXT[] NOT NULL,
	title         TEXT NOT NULL,
	doc_number    TEXT NOT NULL,
	region_name   TEXT NOT NULL,
	-- beneficiaries joins the measures' beneficiary texts with newlines.
	beneficiaries TEXT NOT NULL,
	head          TSVECTOR NOT NULL,
	bens          TSVECTOR NOT NULL
);
ALTER TABLE search_heads
	ALTER COLUMN policy_id SET STORAGE MAIN,
	ALTER COLUMN doc_type SET STORAGE MAIN,
	ALTER COLUMN issuers SET STORAGE MAIN,
	ALTER COLUMN title SET STORAGE MAIN,
	ALTER COLUMN doc_number SET STORAGE MAIN,
	ALTER COLUMN region_name SET STORAGE MAIN,
	ALTER COLUMN beneficiaries SET STORAGE MAIN,
	ALTER COLUMN head SET STORAGE MAIN,
	ALTER COLUMN bens SET STORAGE MAIN;

INSERT INTO search_docs_v3 (policy_id, draft, superseded, max_amount, sort_date, expires_on, facets,
	region_code, region_path, title_key, number_key, terms)
SELECT policy_id, draft, superseded, max_amount, sort_date, expires_on,
	ARRAY(SELECT t FROM unnest(ARRAY[
		CASE WHEN region_code <> '' THEN 'r' || region_code END,
		CASE WHEN doc_type <> '' THEN 'd' || doc_type END,
		'y' || year]) t WHERE t IS NOT NULL)
	|| ARRAY(SELECT 'i' || i FROM unnest(issuers) i WHERE i <> '')
	|| ARRAY(SELECT 'k' || k FROM unnest(measure_kinds) k WHERE k <> ''),
	region_code, region_path, title_key, number_key, terms
FROM search_docs;
INSERT INTO search_heads (policy_id, version, issued_on, published_on, doc_type, issuers, title,
	doc_number, region_name, beneficiaries, head, bens)
SELECT policy_id, version, issued_on, published_on, doc_type, issuers, title,
	doc_number, region_name, beneficiaries, head, bens
FROM search_docs;

-- The clause and repeal rows stay; only their foreign keys move.
ALTER TABLE search_clauses DROP CONSTRAINT search_clauses_policy_id_fkey;
ALTER TABLE search_repeals DROP CONSTRAINT search_repeals_policy_id_fkey;
DROP TABLE search_docs;
ALTER TABLE search_docs_v3 RENAME TO search_docs;
ALTER INDEX search_docs_v3_pkey RENAME TO search_docs_pkey;
ALTER TABLE search_clauses ADD CONSTRAINT search_clauses_policy_id_fkey
	FOREIGN KEY (policy_id) REFERENCES search_docs (policy_id) ON DELETE CASCADE;
ALTER TABLE search_repeals ADD CONSTRAINT search_repeals_policy_id_fkey
	FOREIGN KEY (policy_id) REFERENCES search_docs (policy_id) ON DELETE CASCADE;

CREATE INDEX search_docs_terms ON search_docs USING GIN (terms);
CREATE INDEX search_docs_facets ON search_docs USING GIN (facets);
CREATE INDEX search_docs_region_path ON search_docs USING GIN (region_path);
CREATE INDEX search_docs_region ON search_docs (region_code);
CREATE INDEX search_docs_date ON search_docs (sort_date DESC NULLS LAST, policy_id);
CREATE INDEX search_docs_amount ON search_docs (max_amount DESC, policy_id);
CREATE INDEX search_docs_title_key ON search_docs (title_key);
CREATE INDEX search_docs_number_key ON search_docs (number_key) WHERE number_key <> '';
