-- The board checks, on every view, whether any quarter's returns changed (how many, and the sum
-- of their versions): from this index alone, without reading the returns' figures.
CREATE INDEX statistics_returns_versions ON statistics_returns (quarter, state, version);
