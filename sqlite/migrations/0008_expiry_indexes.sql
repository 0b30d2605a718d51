-- The hourly purge (PurgeExpired) deletes codes and sessions by their
-- expiry: an index on it keeps the delete from reading whole tables at
-- national scale.

CREATE INDEX sms_codes_expires ON sms_codes (expires_at);
CREATE INDEX sessions_expires ON sessions (expires_at);
