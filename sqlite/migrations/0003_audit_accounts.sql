-- The hash-chained audit log and the accounts: users with their enterprise
-- bindings, SMS verification codes, browser sessions, API tokens and the
-- development SMS outbox. Times are UTC text in the fixed-width format of
-- db.go, so they compare and sort as text.

-- audit_log is append-only: each row carries the hash of the row before
-- (huiqi.AuditEntry.Seal). seq is the rowid and is always given explicitly.
CREATE TABLE audit_log (
	seq       INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	actor     TEXT NOT NULL,
	action    TEXT NOT NULL,
	object    TEXT NOT NULL,
	region    TEXT NOT NULL,
	detail    TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);

-- users: phone and username are '' when absent, unique when present.
-- regions is a JSON array of GB/T 2260 codes.
CREATE TABLE users (
	id            TEXT PRIMARY KEY,
	phone         TEXT NOT NULL,
	username      TEXT NOT NULL,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL,
	regions       TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	disabled      INTEGER NOT NULL,
	created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX users_phone ON users (phone) WHERE phone <> '';
CREATE UNIQUE INDEX users_username ON users (username) WHERE username <> '';
CREATE INDEX users_role ON users (role, created_at);

CREATE TABLE user_enterprises (
	user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	credit_code TEXT NOT NULL,
	name        TEXT NOT NULL,
	bound_at    TEXT NOT NULL,
	PRIMARY KEY (user_id, credit_code)
);

-- sms_codes keeps every code issued (used or not) for the rate limits.
CREATE TABLE sms_codes (
	id         INTEGER PRIMARY KEY,
	phone      TEXT NOT NULL,
	purpose    TEXT NOT NULL,
	hash       TEXT NOT NULL,
	ip         TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	tries      INTEGER NOT NULL,
	used       INTEGER NOT NULL
);
CREATE INDEX sms_codes_phone ON sms_codes (phone, created_at);
CREATE INDEX sms_codes_ip ON sms_codes (ip, created_at);

CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	ip         TEXT NOT NULL,
	user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id           TEXT PRIMARY KEY,
	user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	hash         TEXT NOT NULL UNIQUE,
	created_at   TEXT NOT NULL,
	last_used_at TEXT,
	revoked_at   TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE sms_outbox (
	id      INTEGER PRIMARY KEY,
	phone   TEXT NOT NULL,
	text    TEXT NOT NULL,
	sent_at TEXT NOT NULL
);
