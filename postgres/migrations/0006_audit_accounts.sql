-- The hash-chained audit log and the accounts: users with their enterprise
-- bindings, SMS verification codes, browser sessions, API tokens and the
-- development SMS outbox.

-- audit_log is append-only: each row carries the hash of the row before
-- (huiqi.AuditEntry.Seal). Appenders take an advisory lock before reading
-- the last row; the primary key refuses a second row with the same seq.
CREATE TABLE audit_log (
	seq       BIGINT PRIMARY KEY,
	at        TIMESTAMPTZ NOT NULL,
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
	disabled      BOOLEAN NOT NULL,
	created_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX users_phone ON users (phone) WHERE phone <> '';
CREATE UNIQUE INDEX users_username ON users (username) WHERE username <> '';
CREATE INDEX users_role ON users (role, created_at);

CREATE TABLE user_enterprises (
	user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	credit_code TEXT NOT NULL,
	name        TEXT NOT NULL,
	bound_at    TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (user_id, credit_code)
);

-- sms_codes keeps every code issued (used or not) for the rate limits.
CREATE TABLE sms_codes (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	phone      TEXT NOT NULL,
	purpose    TEXT NOT NULL,
	hash       TEXT NOT NULL,
	ip         TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL,
	tries      INTEGER NOT NULL,
	used       BOOLEAN NOT NULL
);
CREATE INDEX sms_codes_phone ON sms_codes (phone, created_at);
CREATE INDEX sms_codes_ip ON sms_codes (ip, created_at);

CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TIMESTAMPTZ NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL,
	ip         TEXT NOT NULL,
	user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id           TEXT PRIMARY KEY,
	user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name         TEXT NOT NULL,
	hash         TEXT NOT NULL UNIQUE,
	created_at   TIMESTAMPTZ NOT NULL,
	last_used_at TIMESTAMPTZ,
	revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE sms_outbox (
	id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	phone   TEXT NOT NULL,
	text    TEXT NOT NULL,
	sent_at TIMESTAMPTZ NOT NULL
);
