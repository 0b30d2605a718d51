-- Enterprise profiles kept server-side under an opaque key (a browser's
-- draft token today; a user or a 统一社会信用代码 later), every changed save a
-- new version. body is the JSON of internal/storekit (profile, problems,
-- values entered that could not be read), kept as text so that an unchanged
-- save compares byte for byte.

CREATE TABLE profiles (
	key            TEXT PRIMARY KEY,
	latest_version INTEGER NOT NULL,
	created_at     TIMESTAMPTZ NOT NULL,
	updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE profile_versions (
	key      TEXT NOT NULL REFERENCES profiles (key) ON DELETE CASCADE,
	version  INTEGER NOT NULL,
	draft    BOOLEAN NOT NULL,
	body     TEXT NOT NULL,
	saved_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (key, version)
);
