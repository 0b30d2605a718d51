-- What officers curate: the versions of policies they corrected (a policy
-- version is the machine's unless it has a row here) and the rules they
-- published for measures, every version kept.

CREATE TABLE policy_curations (
	policy_id  TEXT NOT NULL,
	version    INTEGER NOT NULL,
	curated_by TEXT NOT NULL, -- user ID
	note       TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (policy_id, version),
	FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version) ON DELETE CASCADE
);

CREATE TABLE curated_rules (
	measure_id TEXT NOT NULL,
	version    INTEGER NOT NULL,
	policy_id  TEXT NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
	yaml       TEXT NOT NULL,
	cases_yaml TEXT NOT NULL,
	by_user    TEXT NOT NULL,
	at         TEXT NOT NULL,
	PRIMARY KEY (measure_id, version)
);
CREATE INDEX curated_rules_policy ON curated_rules (policy_id);
