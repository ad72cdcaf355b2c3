-- What a centre's public page shows, and where it is (for "nearest first").
-- latitude/longitude are NULL when the centre's postcode district has no known location:
-- such a centre is still listed, after the ones with a distance.
ALTER TABLE centres
    ADD COLUMN street TEXT NOT NULL DEFAULT '',
    ADD COLUMN description TEXT NOT NULL DEFAULT '',
    -- `sat 10:00-13:00; sun 14:00-16:00`, parsed by shared::OpeningTimes; opening_days is derived from it.
    ADD COLUMN opening_times TEXT NOT NULL DEFAULT '',
    ADD COLUMN accessibility TEXT NOT NULL DEFAULT '',
    ADD COLUMN wheelchair_access BOOLEAN NOT NULL DEFAULT FALSE,
    -- Comma-separated language names.
    ADD COLUMN languages TEXT NOT NULL DEFAULT 'English',
    ADD COLUMN latitude DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN accreditation_status TEXT NOT NULL DEFAULT 'candidate'
        CHECK (accreditation_status IN ('accredited', 'accredited_with_conditions', 'candidate', 'suspended')),
    -- ISO dates, YYYY-MM-DD (text on both backends so the same SQL reads them).
    ADD COLUMN accredited_on TEXT,
    ADD COLUMN renewal_due TEXT;
