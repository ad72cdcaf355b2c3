-- The outbox no longer holds addresses: a message names whom it is for (`centre:<slug>`,
-- `user:<id>`, `referrer:<reference>`) and the address is looked up as it is sent, the
-- referrer's from their sealed answers. Messages queued before this are renamed the same way;
-- any address left over (an account since removed) is blanked, and such a message is dropped.
UPDATE outbox SET recipient = 'referrer:' || substr(subject, 21)
    WHERE kind = 'referral.status' AND subject LIKE 'News about referral %';
UPDATE outbox SET recipient = 'user:' || (SELECT u.id FROM users u WHERE u.email = outbox.recipient)
    WHERE recipient IN (SELECT email FROM users);
UPDATE outbox SET recipient = ''
    WHERE recipient NOT LIKE 'centre:%' AND recipient NOT LIKE 'user:%' AND recipient NOT LIKE 'referrer:%';
