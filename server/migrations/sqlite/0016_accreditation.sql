-- Accreditation (shared::accreditation). The standards catalogue is versioned: each version
-- holds the three sets as one JSON document (shared::accreditation::catalogue::SetText), and a
-- case keeps the version it started on.
CREATE TABLE standards_versions (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- NULL for the catalogue shipped with the product.
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT ''
) STRICT;

-- One case per accreditation round of a centre. Its stage changes only through
-- shared::accreditation::Stage::apply, at the version the page showed.
CREATE TABLE accreditation_cases (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    standards_version INTEGER NOT NULL REFERENCES standards_versions (id),
    kind TEXT NOT NULL CHECK (kind IN ('candidate', 'renewal')),
    stage TEXT NOT NULL CHECK (stage IN ('applied', 'self_assessment', 'submitted', 'desk_review', 'queries',
        'visit', 'decision', 'accredited', 'conditions', 'not_accredited', 'renewal_due', 'suspended', 'removed')),
    services TEXT NOT NULL CHECK (services IN ('supported', 'supervised', 'both')),
    venue TEXT NOT NULL CHECK (venue IN ('fixed', 'community')),
    signed_by TEXT NOT NULL,
    -- ISO dates, YYYY-MM-DD.
    signed_on TEXT NOT NULL,
    applied_on TEXT NOT NULL,
    confirmed_on TEXT,
    fee_paid_on TEXT,
    assessor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    visit_on TEXT,
    visit_report TEXT NOT NULL DEFAULT '',
    recommendation TEXT CHECK (recommendation IN ('accredited', 'conditions', 'not_accredited')),
    decided_on TEXT,
    renewal_due TEXT,
    -- A later round's case, once re-accreditation starts.
    superseded_by INTEGER REFERENCES accreditation_cases (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
) STRICT;

-- A centre has at most one case under way: two applications sent at once make one case.
CREATE UNIQUE INDEX accreditation_one_current_case ON accreditation_cases (centre_id)
    WHERE superseded_by IS NULL AND stage NOT IN ('not_accredited', 'removed');
CREATE INDEX accreditation_cases_by_assessor ON accreditation_cases (assessor_id);

-- Every step with who and when (NULL: the server's scheduled jobs).
CREATE TABLE accreditation_steps (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    action TEXT NOT NULL,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    by_user INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX accreditation_steps_by_case ON accreditation_steps (case_id, id);

-- The centre's self-assessment, per standard (`national/3.2`); rating NULL until answered.
CREATE TABLE self_assessment_answers (
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    standard_key TEXT NOT NULL,
    rating TEXT CHECK (rating IN ('met', 'partly_met', 'not_met')),
    notes TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (case_id, standard_key)
) STRICT;

-- Evidence files: the bytes are in the evidence store (object_store) under object_key, written
-- before this row; a row without its object is never made, an object without a row is removed.
CREATE TABLE evidence_files (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    standard_key TEXT NOT NULL,
    object_key TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'png', 'jpg', 'docx', 'xlsx', 'pptx', 'odt', 'ods')),
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX evidence_files_by_case ON evidence_files (case_id, standard_key);

-- The assessor's desk review: a standard agreed, and queries the centre answers.
CREATE TABLE desk_review_agreed (
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    standard_key TEXT NOT NULL,
    agreed_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, standard_key)
) STRICT;
CREATE TABLE desk_review_queries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    standard_key TEXT NOT NULL,
    query TEXT NOT NULL,
    asked_at INTEGER NOT NULL,
    -- Set when the assessor sends their queries to the centre.
    sent_at INTEGER,
    reply TEXT,
    replied_at INTEGER,
    form_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX desk_review_queries_by_case ON desk_review_queries (case_id, standard_key);

-- An action plan's items (accredited with conditions): what, by when, the centre's answer.
CREATE TABLE action_items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    text TEXT NOT NULL,
    due_on TEXT NOT NULL,
    response TEXT,
    responded_at INTEGER,
    created_at INTEGER NOT NULL,
    form_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX action_items_by_case ON action_items (case_id);

-- Reminders sent, once per case and kind (shared::accreditation::dates::Reminder::key).
CREATE TABLE accreditation_reminders (
    case_id INTEGER NOT NULL REFERENCES accreditation_cases (id),
    reminder TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, reminder)
) STRICT;

-- Membership: a suspended or removed centre leaves the search and takes no new referrals.
ALTER TABLE centres ADD COLUMN membership TEXT NOT NULL DEFAULT 'member'
    CHECK (membership IN ('member', 'suspended', 'removed'));
