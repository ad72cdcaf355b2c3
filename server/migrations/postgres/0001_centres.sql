-- Member centres of NACCC: the public directory.
-- Codes are checked here as well as in `shared` so that no tool writing to the database directly
-- can store a value the application could not read back.
CREATE TABLE centres (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    service TEXT NOT NULL CHECK (service IN ('supported', 'supervised', 'supported_and_supervised', 'candidate')),
    nation TEXT NOT NULL CHECK (nation IN ('england', 'wales', 'northern_ireland', 'channel_islands')),
    region TEXT NOT NULL,
    town TEXT NOT NULL,
    postcode TEXT NOT NULL,
    accepts_online_referrals BOOLEAN NOT NULL DEFAULT FALSE,
    -- Monday = bit 0 ... Sunday = bit 6
    opening_days INTEGER NOT NULL CHECK (opening_days BETWEEN 0 AND 127),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX centres_by_name ON centres (name);
