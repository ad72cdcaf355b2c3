-- Quarterly statistics returns (shared::returns). Figures, their notes (reasons for corrections,
-- explanations of queries: about figures, never about a family) and the figures worked out
-- from the cases, as JSON keyed by shared::returns::FigureKey codes.

-- How many children a referral is for, kept at submission: the returns count children seen
-- without opening anyone's sealed answers, and retention keeps it with the other figures.
ALTER TABLE referrals ADD COLUMN children BIGINT;

CREATE TABLE statistics_returns (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_slug TEXT NOT NULL,
    -- 2026-Q3
    quarter TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'amended')),
    -- What the manager typed, field by field, kept as typed (a draft may hold a mistake).
    fields TEXT NOT NULL,
    -- The checked figures, once submitted.
    figures TEXT,
    -- The figures worked out from the centre's cases when the return was last saved.
    computed TEXT NOT NULL,
    -- The queries raised when it was submitted (their explanations are in `fields`).
    queries TEXT NOT NULL DEFAULT '[]',
    submitted_at BIGINT,
    submitted_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL,
    -- Bumped by every change: a change is written only if nobody changed the return meanwhile.
    version BIGINT NOT NULL DEFAULT 0,
    UNIQUE (centre_slug, quarter)
);

CREATE INDEX statistics_returns_by_quarter ON statistics_returns (quarter, state);

-- Every change to a submitted return: who, when, why, and the figures before and after.
CREATE TABLE statistics_amendments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    return_id BIGINT NOT NULL REFERENCES statistics_returns (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor BIGINT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
);

CREATE INDEX statistics_amendments_by_return ON statistics_amendments (return_id, id);

-- Reminders of late returns, once per centre per reminder form (a resent form sends nothing more).
CREATE TABLE return_reminders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_slug TEXT NOT NULL,
    quarter TEXT NOT NULL,
    at BIGINT NOT NULL,
    sent_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    form_key TEXT NOT NULL,
    UNIQUE (form_key, centre_slug)
);

CREATE INDEX return_reminders_by_quarter ON return_reminders (quarter, centre_slug);
