-- Member centres of NACCC: the public directory.
-- Codes are checked here as well as in `shared` so that no tool writing to the database directly
-- can store a value the application could not read back.
CREATE TABLE centres (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    service TEXT NOT NULL CHECK (service IN ('supported', 'supervised', 'supported_and_supervised', 'candidate')),
    nation TEXT NOT NULL CHECK (nation IN ('england', 'wales', 'northern_ireland', 'channel_islands')),
    region TEXT NOT NULL,
    town TEXT NOT NULL,
    postcode TEXT NOT NULL,
    accepts_online_referrals INTEGER NOT NULL DEFAULT 0 CHECK (accepts_online_referrals IN (0, 1)),
    -- Monday = bit 0 ... Sunday = bit 6
    opening_days INTEGER NOT NULL CHECK (opening_days BETWEEN 0 AND 127),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX centres_by_name ON centres (name);
