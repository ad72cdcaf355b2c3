-- Questions NACCC adds to a quarter's statistics return (shared::returns::questions). Answers are
-- kept in the return's `fields` beside its figures (`q-<id>`, `q-<id>-<choice>`). A quarter's
-- questions change only until the first return of that quarter is submitted.
CREATE TABLE return_questions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- 2026-Q4
    quarter TEXT NOT NULL,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('whole_number', 'yes_no', 'one_choice', 'several_choices')),
    text TEXT NOT NULL,
    hint TEXT NOT NULL DEFAULT '',
    -- The choices of a choice question, as a JSON array of strings.
    choices TEXT NOT NULL DEFAULT '[]',
    required BIGINT NOT NULL CHECK (required IN (0, 1)),
    created_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The form that added it: the same form sent twice adds one question.
    form_key TEXT NOT NULL UNIQUE
);

CREATE INDEX return_questions_by_quarter ON return_questions (quarter, position);
