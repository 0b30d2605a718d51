-- The search index of server mode (huiqi.SearchIndex), in the same database
-- as the store. search_docs holds one row per policy (the version last
-- indexed): a tsvector of zhtext terms and the columns the filters, facets and
-- sorts read. search_clauses holds each clause's own text, to pick and mark
-- snippets. search_repeals holds the normalised titles and 文号
-- each policy repeals, from which search_docs.superseded is kept up to date.
-- No foreign key to policies: the index is fed by whoever saves, and may hold
-- policies a test never stored.

CREATE TABLE search_docs (
	policy_id     TEXT PRIMARY KEY,
	version       INTEGER NOT NULL,
	title         TEXT NOT NULL,
	doc_number    TEXT NOT NULL,
	doc_type      TEXT NOT NULL,
	region_code   TEXT NOT NULL,
	region_name   TEXT NOT NULL,
	-- region_path is the region's code and those of every level above it,
	-- national (100000) included: "within X" is region_path @> {X}.
	region_path   TEXT[] NOT NULL,
	issuers       TEXT[] NOT NULL,
	issued_on     DATE,
	published_on  DATE,
	-- sort_date is issued_on, else published_on; year is its year.
	sort_date     DATE,
	year          INTEGER,
	expires_on    DATE,
	draft         BOOLEAN NOT NULL,
	measure_kinds TEXT[] NOT NULL,
	-- beneficiaries joins the measures' beneficiary texts with newlines.
	beneficiaries TEXT NOT NULL,
	max_amount    BIGINT NOT NULL,
	-- title_key and number_key are what a repeal must name to supersede
	-- this policy ('' when there is no 文号).
	title_key     TEXT NOT NULL,
	number_key    TEXT NOT NULL,
	superseded    BOOLEAN NOT NULL DEFAULT false,
	-- terms: title at weight A, issuers, 文号 and region at B, the text at C.
	-- It is large (tens of KB, stored out of line): only matched through
	-- its GIN index and ranked for a bounded pool of candidates.
	terms         TSVECTOR NOT NULL,
	-- head: the A and B terms alone, small and kept in the row, to choose
	-- that pool cheaply among many matches; bens: the measures'
	-- beneficiaries, ranked by their share of them (what the policy is for).
	head          TSVECTOR NOT NULL,
	bens          TSVECTOR NOT NULL
);
ALTER TABLE search_docs ALTER COLUMN head SET STORAGE MAIN;
ALTER TABLE search_docs ALTER COLUMN bens SET STORAGE MAIN;
CREATE INDEX search_docs_terms ON search_docs USING GIN (terms);
CREATE INDEX search_docs_region_path ON search_docs USING GIN (region_path);
CREATE INDEX search_docs_issuers ON search_docs USING GIN (issuers);
CREATE INDEX search_docs_measure_kinds ON search_docs USING GIN (measure_kinds);
CREATE INDEX search_docs_region ON search_docs (region_code);
CREATE INDEX search_docs_doc_type ON search_docs (doc_type);
CREATE INDEX search_docs_year ON search_docs (year);
CREATE INDEX search_docs_date ON search_docs (sort_date DESC NULLS LAST, policy_id);
CREATE INDEX search_docs_amount ON search_docs (max_amount DESC, policy_id);
CREATE INDEX search_docs_title_key ON search_docs (title_key);
CREATE INDEX search_docs_number_key ON search_docs (number_key) WHERE number_key <> '';

-- search_clauses is read only for the page's hits, by policy_id; the
-- clauses holding query words are found by strpos, the words marked in Go.
CREATE TABLE search_clauses (
	policy_id TEXT NOT NULL REFERENCES search_docs (policy_id) ON DELETE CASCADE,
	ordinal   INTEGER NOT NULL,
	path      TEXT NOT NULL,
	text      TEXT NOT NULL,
	PRIMARY KEY (policy_id, ordinal)
);

CREATE TABLE search_repeals (
	policy_id TEXT NOT NULL REFERENCES search_docs (policy_id) ON DELETE CASCADE,
	key       TEXT NOT NULL,
	PRIMARY KEY (policy_id, key)
);
CREATE INDEX search_repeals_key ON search_repeals (key);
