-- Submitting a referral, the other parent's separate part, the outbox and code-attempt throttling.
-- A submitted referral keeps its sealed answers; the columns added here hold only what the centre's
-- inbox sorts and filters on (no personal data).
ALTER TABLE referrals ADD COLUMN centre_slug TEXT;
ALTER TABLE referrals ADD COLUMN service TEXT;
-- Screening's traffic light: green, amber or red.
ALTER TABLE referrals ADD COLUMN light TEXT;
-- What the referrer is told (shared::referral::PublicStatus codes).
ALTER TABLE referrals ADD COLUMN status TEXT;
ALTER TABLE referrals ADD COLUMN submitted_at INTEGER;
-- The idempotency key of the submit that sent it: a retried submit finds it and makes nothing new.
ALTER TABLE referrals ADD COLUMN submission_key TEXT;
CREATE UNIQUE INDEX referrals_submission_key ON referrals (submission_key);
CREATE INDEX referrals_by_centre ON referrals (centre_slug, submitted_at) WHERE state = 'submitted';

-- The second part of a referral (joint but separate), opened with its own code. Its answers are
-- sealed and bound to this table, column and the referral's reference.
CREATE TABLE referral_invitations (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL UNIQUE REFERENCES referrals (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'submitted')),
    answers BLOB,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    submitted_at INTEGER
) STRICT;

-- Messages waiting to be sent. Bodies never hold personal data, only a reference and a link.
-- `recipient` is an address, or `centre:<slug>` for a centre's referral staff.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT
) STRICT;

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Wrong codes per reference: after too many, that reference is locked for a while, whichever
-- browser or address the guesses come from.
CREATE TABLE code_attempts (
    reference TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL,
    locked_until INTEGER
) STRICT;
