-- Enterprise profiles kept server-side under an opaque key (a browser's
-- draft token today; a user or a 统一社会信用代码 later), every changed save a
-- new version. body is the JSON of internal/storekit (profile, problems,
-- values entered that could not be read).

CREATE TABLE profiles (
	key            TEXT PRIMARY KEY,
	latest_version INTEGER NOT NULL,
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
);

CREATE TABLE profile_versions (
	key      TEXT NOT NULL REFERENCES profiles (key) ON DELETE CASCADE,
	version  INTEGER NOT NULL,
	draft    INTEGER NOT NULL,
	body     TEXT NOT NULL,
	saved_at TEXT NOT NULL,
	PRIMARY KEY (key, version)
);
