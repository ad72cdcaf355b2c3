-- The case a centre runs for each sent referral (shared::referral::case). The state is JSON of
-- stages, reason and outcome codes and dates: no personal data. The columns beside it are what the
-- inbox filters, sorts and flags on.
ALTER TABLE referrals ADD COLUMN case_state TEXT;
-- shared::referral::case::Stage code.
ALTER TABLE referrals ADD COLUMN stage TEXT;
ALTER TABLE referrals ADD COLUMN assigned_to INTEGER REFERENCES users (id) ON DELETE SET NULL;
-- When the centre first acted on it (no first response within 5 working days is flagged).
ALTER TABLE referrals ADD COLUMN first_response_at INTEGER;
-- YYYY-MM-DD when the next review is due, while contact is under way.
ALTER TABLE referrals ADD COLUMN review_due TEXT;
-- When the case was declined, redirected or closed (retention counts from here).
ALTER TABLE referrals ADD COLUMN closed_at INTEGER;
-- Bumped by every change: a change is written only if nobody else changed the case meanwhile.
ALTER TABLE referrals ADD COLUMN case_version INTEGER NOT NULL DEFAULT 0;

UPDATE referrals SET case_state = '"Submitted"', stage = 'submitted' WHERE state = 'submitted';

CREATE INDEX referrals_inbox ON referrals (centre_slug, stage) WHERE state = 'submitted';

-- Every transition of a case: who, when, from and to which stage, and its details (codes and
-- dates only).
CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX case_events_by_referral ON case_events (referral_id, id);

-- Coordinators' notes on a case: personal by nature, so sealed (bound to this table, column and
-- the note's referral and time).
CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    author INTEGER REFERENCES users (id) ON DELETE SET NULL,
    note BLOB NOT NULL
) STRICT;

CREATE INDEX case_notes_by_referral ON case_notes (referral_id, id);
