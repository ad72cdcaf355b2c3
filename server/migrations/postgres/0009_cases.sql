-- The case a centre runs for each sent referral (shared::referral::case). The state is JSON of
-- stages, reason and outcome codes and dates: no personal data. The columns beside it are what the
-- inbox filters, sorts and flags on.
ALTER TABLE referrals ADD COLUMN case_state TEXT;
-- shared::referral::case::Stage code.
ALTER TABLE referrals ADD COLUMN stage TEXT;
ALTER TABLE referrals ADD COLUMN assigned_to BIGINT REFERENCES users (id) ON DELETE SET NULL;
-- When the centre first acted on it (no first response within 5 working days is flagged).
ALTER TABLE referrals ADD COLUMN first_response_at BIGINT;
-- YYYY-MM-DD when the next review is due, while contact is under way.
ALTER TABLE referrals ADD COLUMN review_due TEXT;
-- When the case was declined, redirected or closed (retention counts from here).
ALTER TABLE referrals ADD COLUMN closed_at BIGINT;
-- Bumped by every change: a change is written only if nobody else changed the case meanwhile.
ALTER TABLE referrals ADD COLUMN case_version BIGINT NOT NULL DEFAULT 0;

UPDATE referrals SET case_state = '"Submitted"', stage = 'submitted' WHERE state = 'submitted';

CREATE INDEX referrals_inbox ON referrals (centre_slug, stage) WHERE state = 'submitted';

-- Every transition of a case: who, when, from and to which stage, and its details (codes and
-- dates only).
CREATE TABLE case_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);

CREATE INDEX case_events_by_referral ON case_events (referral_id, id);

-- Coordinators' notes on a case: personal by nature, so sealed (bound to this table, column and
-- the note's referral and time).
CREATE TABLE case_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    author BIGINT REFERENCES users (id) ON DELETE SET NULL,
    note BYTEA NOT NULL
);

CREATE INDEX case_notes_by_referral ON case_notes (referral_id, id);
