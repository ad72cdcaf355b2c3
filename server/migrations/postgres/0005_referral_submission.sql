-- Submitting a referral, the other parent's separate part, the outbox and code-attempt throttling.
-- A submitted referral keeps its sealed answers; the columns added here hold only what the centre's
-- inbox sorts and filters on (no personal data).
ALTER TABLE referrals ADD COLUMN centre_slug TEXT;
ALTER TABLE referrals ADD COLUMN service TEXT;
-- Screening's traffic light: green, amber or red.
ALTER TABLE referrals ADD COLUMN light TEXT;
-- What the referrer is told (shared::referral::PublicStatus codes).
ALTER TABLE referrals ADD COLUMN status TEXT;
ALTER TABLE referrals ADD COLUMN submitted_at BIGINT;
-- The idempotency key of the submit that sent it: a retried submit finds it and makes nothing new.
ALTER TABLE referrals ADD COLUMN submission_key TEXT;
CREATE UNIQUE INDEX referrals_submission_key ON referrals (submission_key);
CREATE INDEX referrals_by_centre ON referrals (centre_slug, submitted_at) WHERE state = 'submitted';

-- The second part of a referral (joint but separate), opened with its own code. Its answers are
-- sealed and bound to this table, column and the referral's reference.
CREATE TABLE referral_invitations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id BIGINT NOT NULL UNIQUE REFERENCES referrals (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'submitted')),
    answers BYTEA,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    submitted_at BIGINT
);

-- Messages waiting to be sent. Bodies never hold personal data, only a reference and a link.
-- `recipient` is an address, or `centre:<slug>` for a centre's referral staff.
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Wrong codes per reference: after too many, that reference is locked for a while, whichever
-- browser or address the guesses come from.
CREATE TABLE code_attempts (
    reference TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    window_started_at BIGINT NOT NULL,
    locked_until BIGINT
);
