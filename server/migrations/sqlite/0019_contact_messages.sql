-- Messages sent through the public contact form (shared::contact). The name, the way to reply
-- and the words are sealed together, bound to the form that sent them; a form sent twice is kept
-- once. Handled messages are erased by retention.
CREATE TABLE contact_messages (
    id INTEGER PRIMARY KEY,
    form_key TEXT NOT NULL UNIQUE,
    sealed BLOB NOT NULL,
    received_at INTEGER NOT NULL,
    handled_at INTEGER,
    handled_by INTEGER REFERENCES users (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX contact_messages_by_handling ON contact_messages (handled_at, received_at);
