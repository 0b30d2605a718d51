-- Applications (申报) for a measure, their workflow steps and attached files;
-- consultation threads (在线咨询), their messages, and users' notifications.
-- Times are UTC text with fixed-width nanoseconds, as in 0001, kept to the
-- microsecond like PostgreSQL. User IDs are not foreign keys: an account
-- may be disabled but its applications stay on record.

CREATE TABLE applications (
	id                TEXT PRIMARY KEY,
	user_id           TEXT NOT NULL,
	credit_code       TEXT NOT NULL,
	enterprise_name   TEXT NOT NULL,
	policy_id         TEXT NOT NULL,
	policy_version    INTEGER NOT NULL,
	policy_title      TEXT NOT NULL,
	measure_id        TEXT NOT NULL,
	measure_name      TEXT NOT NULL,
	clause_path       TEXT NOT NULL,
	region_code       TEXT NOT NULL,
	status            TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'under_review',
		'returned', 'resubmitted', 'approved', 'rejected', 'disbursed')),
	form              TEXT NOT NULL, -- JSON object, field name → answer
	expected_min_yuan INTEGER NOT NULL,
	expected_max_yuan INTEGER NOT NULL,
	granted_yuan      INTEGER,
	revision          INTEGER NOT NULL,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL
);
-- The reviewers' queue: a region (or its prefix, region_code GLOB '5101*')
-- and statuses, newest first.
CREATE INDEX applications_region_status ON applications (region_code, status, updated_at DESC);
CREATE INDEX applications_user ON applications (user_id, updated_at DESC);
CREATE INDEX applications_credit_code ON applications (credit_code, updated_at DESC);

CREATE TABLE application_steps (
	application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	ordinal        INTEGER NOT NULL,
	status         TEXT NOT NULL,
	by_user        TEXT NOT NULL,
	by_name        TEXT NOT NULL,
	role           TEXT NOT NULL,
	at             TEXT NOT NULL,
	comment        TEXT NOT NULL,
	amount_yuan    INTEGER,
	PRIMARY KEY (application_id, ordinal)
);

-- attachments keep the bytes in the row: the file and its metadata are
-- written in one transaction, so neither can exist without the other.
CREATE TABLE attachments (
	id             TEXT PRIMARY KEY,
	application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	name           TEXT NOT NULL,
	content_type   TEXT NOT NULL,
	size           INTEGER NOT NULL,
	sha256         TEXT NOT NULL,
	bytes          BLOB NOT NULL,
	added_at       TEXT NOT NULL
);
CREATE INDEX attachments_application ON attachments (application_id, added_at);

CREATE TABLE threads (
	id           TEXT PRIMARY KEY,
	policy_id    TEXT NOT NULL,
	policy_title TEXT NOT NULL,
	region_code  TEXT NOT NULL,
	user_id      TEXT NOT NULL,
	credit_code  TEXT NOT NULL,
	question     TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('open', 'answered')),
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX threads_region_status ON threads (region_code, status, updated_at DESC);
CREATE INDEX threads_user ON threads (user_id, updated_at DESC);

CREATE TABLE thread_messages (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
	by_user   TEXT NOT NULL,
	by_name   TEXT NOT NULL,
	role      TEXT NOT NULL,
	text      TEXT NOT NULL,
	citations TEXT NOT NULL, -- JSON array of huiqi.Provenance
	at        TEXT NOT NULL
);
CREATE INDEX thread_messages_thread ON thread_messages (thread_id, id);

CREATE TABLE notifications (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id    TEXT NOT NULL,
	text       TEXT NOT NULL,
	link       TEXT NOT NULL,
	created_at TEXT NOT NULL,
	read_at    TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC, id DESC);
