-- An amendment keeps the answers to NACCC's questions before and after, beside the figures
-- (the fields `q-…` of the return, as JSON).
ALTER TABLE statistics_amendments ADD COLUMN answers_before TEXT NOT NULL DEFAULT '{}';
ALTER TABLE statistics_amendments ADD COLUMN answers_after TEXT NOT NULL DEFAULT '{}';
