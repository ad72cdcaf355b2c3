-- The board's strategic indicators (shared::board).

-- When a centre joined NACCC and, if it has, left (membership over time). NULL joined_on: a
-- member since before these records began.
ALTER TABLE centres ADD COLUMN joined_on TEXT;
ALTER TABLE centres ADD COLUMN left_on TEXT;

-- The board reads referrals by when they arrived (codes and times only: the index covers them,
-- so the wide rows are never read), and asks when its sources last changed.
CREATE INDEX referrals_by_arrival ON referrals (submitted_at, state, centre_slug, first_response_at);
CREATE INDEX referrals_by_first_response ON referrals (first_response_at);
CREATE INDEX statistics_returns_by_update ON statistics_returns (updated_at);

-- Training NACCC delivered (shared::board::registers): no names, only how many attended.
CREATE TABLE training_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    held_on TEXT NOT NULL,
    course TEXT NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('staff', 'volunteers', 'judges')),
    attendees BIGINT NOT NULL CHECK (attendees BETWEEN 1 AND 5000),
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL,
    -- The form that recorded it: the same form sent twice records once.
    form_key TEXT NOT NULL UNIQUE
);
CREATE INDEX training_events_by_date ON training_events (held_on);

-- Family Justice Young People's Board inspections of centres.
CREATE TABLE inspections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_slug TEXT NOT NULL REFERENCES centres (slug),
    inspected_on TEXT NOT NULL,
    stars BIGINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL,
    form_key TEXT NOT NULL UNIQUE
);
CREATE INDEX inspections_by_date ON inspections (inspected_on);

-- A target per indicator, holding from a quarter until replaced (shared::board::targets).
CREATE TABLE board_targets (
    indicator TEXT NOT NULL,
    from_quarter TEXT NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    red DOUBLE PRECISION NOT NULL,
    set_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (indicator, from_quarter)
);

-- Centres removed before these records: the day of their removal step, else the day this ran.
UPDATE centres SET left_on = COALESCE(
    (SELECT to_char(to_timestamp(MAX(s.at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM accreditation_steps s
     JOIN accreditation_cases a ON a.id = s.case_id WHERE a.centre_id = centres.id AND s.action = 'remove'),
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
WHERE membership = 'removed' AND left_on IS NULL;
