-- Policies, their versions, the original files and the normalised rows that
-- later features query. Dates are NULL when the document does not state them.

CREATE TABLE policies (
	id             TEXT PRIMARY KEY,
	identity_key   TEXT NOT NULL UNIQUE,
	-- 0 only inside the transaction that creates the policy.
	latest_version INTEGER NOT NULL,
	-- region_code and doc_type repeat the latest version's so that the list
	-- filters and sorts on one table with one index.
	region_code    TEXT NOT NULL DEFAULT '',
	doc_type       TEXT NOT NULL DEFAULT '',
	created_at     TIMESTAMPTZ NOT NULL,
	updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX policies_updated ON policies (updated_at DESC, id);
CREATE INDEX policies_region_updated ON policies (region_code, updated_at DESC, id);
CREATE INDEX policies_doc_type_updated ON policies (doc_type, updated_at DESC, id);

-- files keeps each original file once, however many versions point at it.
CREATE TABLE files (
	sha256 TEXT PRIMARY KEY,
	size   BIGINT NOT NULL,
	bytes  BYTEA NOT NULL
);

CREATE TABLE policy_versions (
	policy_id    TEXT NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
	version      INTEGER NOT NULL,
	title        TEXT NOT NULL,
	doc_number   TEXT NOT NULL,
	doc_type     TEXT NOT NULL,
	region_code  TEXT NOT NULL,
	issuers      JSONB NOT NULL,
	issued_on    DATE,
	published_on DATE,
	effective_on DATE,
	expires_on   DATE,
	draft        BOOLEAN NOT NULL,
	text_sha256  TEXT NOT NULL,
	-- NULL when the policy was saved from text without source bytes. No
	-- cascade: a file still referenced cannot be deleted.
	file_sha256  TEXT REFERENCES files (sha256),
	file_name    TEXT NOT NULL,
	format       TEXT NOT NULL,
	encoding     TEXT NOT NULL,
	measures     INTEGER NOT NULL,
	targets      INTEGER NOT NULL,
	tasks        INTEGER NOT NULL,
	-- The export JSON of the huiqi.Policy as saved; JSONB so that ad-hoc
	-- queries can reach fields the normalised tables do not hold.
	doc          JSONB NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (policy_id, version)
);
-- Deleting a file checks that no version references it.
CREATE INDEX policy_versions_file ON policy_versions (file_sha256);

CREATE TABLE measures (
	policy_id       TEXT NOT NULL,
	version         INTEGER NOT NULL,
	ordinal         INTEGER NOT NULL,
	kind            TEXT NOT NULL,
	amount_yuan     BIGINT,
	amount_min_yuan BIGINT,
	is_cap          BOOLEAN NOT NULL,
	cap_yuan        BIGINT,
	rate            DOUBLE PRECISION,
	per_unit        TEXT NOT NULL,
	clause_path     TEXT NOT NULL,
	beneficiary     TEXT NOT NULL,
	PRIMARY KEY (policy_id, version, ordinal),
	FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version) ON DELETE CASCADE
);

CREATE TABLE targets (
	policy_id   TEXT NOT NULL,
	version     INTEGER NOT NULL,
	ordinal     INTEGER NOT NULL,
	clause_path TEXT NOT NULL,
	indicator   TEXT NOT NULL,
	value       DOUBLE PRECISION NOT NULL,
	unit        TEXT NOT NULL,
	comparator  TEXT NOT NULL,
	year        INTEGER NOT NULL,
	PRIMARY KEY (policy_id, version, ordinal),
	FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version) ON DELETE CASCADE
);

CREATE TABLE tasks (
	policy_id   TEXT NOT NULL,
	version     INTEGER NOT NULL,
	ordinal     INTEGER NOT NULL,
	clause_path TEXT NOT NULL,
	title       TEXT NOT NULL,
	PRIMARY KEY (policy_id, version, ordinal),
	FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version) ON DELETE CASCADE
);

CREATE TABLE task_units (
	policy_id    TEXT NOT NULL,
	version      INTEGER NOT NULL,
	task_ordinal INTEGER NOT NULL,
	ordinal      INTEGER NOT NULL,
	unit         TEXT NOT NULL,
	is_lead      BOOLEAN NOT NULL,
	PRIMARY KEY (policy_id, version, task_ordinal, ordinal),
	FOREIGN KEY (policy_id, version, task_ordinal) REFERENCES tasks (policy_id, version, ordinal) ON DELETE CASCADE
);
CREATE INDEX task_units_unit ON task_units (unit);

CREATE TABLE clauses (
	policy_id  TEXT NOT NULL,
	version    INTEGER NOT NULL,
	ordinal    INTEGER NOT NULL,
	path       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	label      TEXT NOT NULL,
	depth      INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (policy_id, version, ordinal),
	FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version) ON DELETE CASCADE
);
