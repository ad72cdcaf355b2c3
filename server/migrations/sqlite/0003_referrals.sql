-- Referrals, starting with drafts (save and return). Everything the person typed is in `answers`,
-- sealed with XChaCha20-Poly1305 and bound to this table, column and the referral's reference
-- (server/src/crypto.rs). The access code is stored only as an Argon2id hash. Times are Unix seconds.
CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    code_hash TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
    answers BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Drafts only: after this, the draft no longer opens and the purge job deletes it.
    expires_at INTEGER
) STRICT;

CREATE INDEX referrals_draft_expiry ON referrals (expires_at) WHERE state = 'draft';
