-- What a centre's public page shows, and where it is (for "nearest first").
-- latitude/longitude are NULL when the centre's postcode district has no known location:
-- such a centre is still listed, after the ones with a distance.
ALTER TABLE centres ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE centres ADD COLUMN description TEXT NOT NULL DEFAULT '';
-- `sat 10:00-13:00; sun 14:00-16:00`, parsed by shared::OpeningTimes; opening_days is derived from it.
ALTER TABLE centres ADD COLUMN opening_times TEXT NOT NULL DEFAULT '';
ALTER TABLE centres ADD COLUMN accessibility TEXT NOT NULL DEFAULT '';
ALTER TABLE centres ADD COLUMN wheelchair_access INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair_access IN (0, 1));
-- Comma-separated language names.
ALTER TABLE centres ADD COLUMN languages TEXT NOT NULL DEFAULT 'English';
ALTER TABLE centres ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE centres ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180);
ALTER TABLE centres ADD COLUMN accreditation_status TEXT NOT NULL DEFAULT 'candidate'
    CHECK (accreditation_status IN ('accredited', 'accredited_with_conditions', 'candidate', 'suspended'));
-- ISO dates, YYYY-MM-DD.
ALTER TABLE centres ADD COLUMN accredited_on TEXT;
ALTER TABLE centres ADD COLUMN renewal_due TEXT;
