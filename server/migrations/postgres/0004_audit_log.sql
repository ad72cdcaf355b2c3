-- Append-only record of who did what to which object, and when. Never personal data: objects are
-- named by reference or id only. Triggers refuse any UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,           -- Unix seconds
    actor TEXT NOT NULL,          -- 'anonymous', 'system', or 'user:<id>'
    action TEXT NOT NULL,         -- e.g. 'draft.create', 'referral.read', 'drafts.purge'
    object TEXT,                  -- e.g. 'referral:NR-7K3Q-9PXD'
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    detail TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
