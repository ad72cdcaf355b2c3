-- Single-use links emailed to staff: an invitation to choose a first password, or a password
-- reset. Only the SHA-256 of a link's token is kept: the token has 256 random bits, so a fast
-- hash is enough, and a database reader cannot use a link. Times are Unix seconds.
CREATE TABLE account_links (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    -- Set when the link is used, or when a newer link for the same purpose replaces it.
    used_at INTEGER
) STRICT;

CREATE INDEX account_links_by_user ON account_links (user_id, purpose);
