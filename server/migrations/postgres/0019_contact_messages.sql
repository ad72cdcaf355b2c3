-- Messages sent through the public contact form (shared::contact). The name, the way to reply
-- and the words are sealed together, bound to the form that sent them; a form sent twice is kept
-- once. Handled messages are erased by retention.
CREATE TABLE contact_messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_key TEXT NOT NULL UNIQUE,
    sealed BYTEA NOT NULL,
    received_at BIGINT NOT NULL,
    handled_at BIGINT,
    handled_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX contact_messages_by_handling ON contact_messages (handled_at, received_at);
