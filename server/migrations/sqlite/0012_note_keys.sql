-- A note is kept once per form: the page's note form carries a fresh key, and a resent form
-- (a double press) finds its key taken. Notes from before have none (NULLs never clash).
ALTER TABLE case_notes ADD COLUMN form_key TEXT;
CREATE UNIQUE INDEX case_notes_once ON case_notes (referral_id, form_key);
