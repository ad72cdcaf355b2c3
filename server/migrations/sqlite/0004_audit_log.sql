-- Append-only record of who did what to which object, and when. Never personal data: objects are
-- named by reference or id only. Triggers refuse any UPDATE or DELETE, whoever asks.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,          -- Unix seconds
    actor TEXT NOT NULL,          -- 'anonymous', 'system', or 'user:<id>'
    action TEXT NOT NULL,         -- e.g. 'draft.create', 'referral.read', 'drafts.purge'
    object TEXT,                  -- e.g. 'referral:NR-7K3Q-9PXD'
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
