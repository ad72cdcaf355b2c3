-- Safeguarding advice from NACCC on one case (shared::referral::advice). A NACCC administrator
-- marked as a safeguarding lead reads a case only while its centre's request is open.
ALTER TABLE users ADD COLUMN safeguarding_lead BIGINT NOT NULL DEFAULT 0 CHECK (safeguarding_lead IN (0, 1));

CREATE TABLE advice_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id BIGINT NOT NULL REFERENCES referrals (id),
    reference TEXT NOT NULL,
    centre_slug TEXT NOT NULL,
    -- Sealed (platform::crypto), bound to the referral's reference: it may name people.
    reason BYTEA NOT NULL,
    asked_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    asked_at BIGINT NOT NULL,
    closed_at BIGINT,
    closed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The form that asked: the same form sent twice asks once.
    form_key TEXT NOT NULL UNIQUE
);

-- One open request per referral: two sent at once make one.
CREATE UNIQUE INDEX advice_one_open_request ON advice_requests (referral_id) WHERE closed_at IS NULL;

CREATE TABLE advice_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES advice_requests (id),
    -- Sealed, bound to the referral's reference.
    note BYTEA NOT NULL,
    by_user BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    form_key TEXT NOT NULL UNIQUE
);
CREATE INDEX advice_notes_by_request ON advice_notes (request_id, id);
