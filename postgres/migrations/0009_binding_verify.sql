-- A binding of a user to an enterprise is a claim until verified by an
-- officer of the enterprise's region, an administrator, or a colleague
-- already verified for the same enterprise. Existing bindings stay
-- unverified: nobody checked them.

ALTER TABLE user_enterprises ADD COLUMN region_code TEXT NOT NULL DEFAULT '';
ALTER TABLE user_enterprises ADD COLUMN verified BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE user_enterprises ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE user_enterprises ADD COLUMN verified_at TIMESTAMPTZ;

CREATE INDEX user_enterprises_pending ON user_enterprises (region_code, bound_at) WHERE NOT verified;
CREATE INDEX user_enterprises_code ON user_enterprises (credit_code);
