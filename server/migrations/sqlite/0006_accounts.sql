-- Staff accounts. Parents never have one. Passwords are Argon2id hashes; the authenticator secret
-- is sealed (XChaCha20-Poly1305, bound to this table, column and the user's id). Times are Unix
-- seconds.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    -- Lower-cased, as typed otherwise.
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('centre_coordinator', 'centre_manager', 'assessor', 'naccc_admin', 'board')),
    -- Centre roles only, and always for them.
    centre_slug TEXT,
    -- NULL until the invitation has been accepted.
    password_hash TEXT,
    totp_secret BLOB,
    -- The last authenticator time step accepted: a code is never accepted twice.
    totp_last_step INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- Sessions signed in before this are refused ("end sessions", disabling, a role change).
    sessions_valid_after INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    CHECK ((role IN ('centre_coordinator', 'centre_manager')) = (centre_slug IS NOT NULL))
) STRICT;

-- One-use recovery codes, stored as Argon2id hashes.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at INTEGER
) STRICT;

CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

-- Failed sign-ins per account and per address, for backing off and locking.
CREATE TABLE sign_in_failures (
    subject TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL,
    locked_until INTEGER
) STRICT;
