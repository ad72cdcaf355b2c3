//! Cases: a centre's sent referrals and what it does with them. Every query here takes the
//! centre first and matches on it, so a centre's staff can never list, read or change another
//! centre's referrals, whatever reference they ask for.

use super::outbox::{INSERT_MESSAGE, Message};
use super::{Store, StoreError, on_read, on_write};
use crate::platform::crypto::{FieldCipher, FieldLocation};
use shared::referral::case::{CaseState, Stage};
use shared::referral::inbox::InboxRow;
use shared::referral::{ContactService, DraftAnswers, JoinAnswers, Light, ReferralReference};
use shared::{IsoDate, Slug};

#[derive(sqlx::FromRow)]
struct InboxSqlRow {
    reference: String,
    submitted_at: i64,
    stage: String,
    light: String,
    service: String,
    assigned_to: Option<i64>,
    first_response_at: Option<i64>,
    review_due: Option<String>,
    other_part: i64,
}

fn light_from(code: &str) -> Option<Light> {
    match code {
        "green" => Some(Light::Green),
        "amber" => Some(Light::Amber),
        "red" => Some(Light::Red),
        _ => None,
    }
}

/// The UK date of a Unix time.
pub fn date_of(at: i64) -> IsoDate {
    shared::uk_time::uk_date(at).into()
}

impl TryFrom<InboxSqlRow> for InboxRow {
    type Error = StoreError;
    fn try_from(r: InboxSqlRow) -> Result<Self, StoreError> {
        let corrupt = |what: &str| StoreError::CorruptRow(format!("referral {}: {what}", r.reference));
        Ok(InboxRow {
            stage: Stage::from_code(&r.stage).ok_or_else(|| corrupt("stage"))?,
            light: light_from(&r.light).ok_or_else(|| corrupt("light"))?,
            service: ContactService::from_code(&r.service).ok_or_else(|| corrupt("service"))?,
            review_due: r.review_due.as_deref().map(IsoDate::parse).transpose().map_err(|_| corrupt("review date"))?,
            submitted_on: date_of(r.submitted_at),
            submitted_at: r.submitted_at,
            assigned_to: r.assigned_to,
            responded: r.first_response_at.is_some(),
            other_part: r.other_part > 0,
            reference: r.reference,
        })
    }
}

/// A note to add: who wrote it, its text, and its form's key (`None`: a form without one).
pub struct NewNote<'a> {
    pub author: i64,
    pub text: &'a str,
    pub key: Option<&'a shared::referral::case_form::NoteKey>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteAdded {
    Added,
    /// A note from the same form was kept already.
    AlreadyAdded,
    /// No such case at this centre (or it is erased).
    NotTheirs,
}

/// One case with everything its page needs, answers still sealed.
pub struct CaseRecord {
    pub id: i64,
    pub row: InboxRow,
    pub state: CaseState,
    pub version: i64,
    pub answers: DraftAnswers,
    /// The other parent's part, once they have sent it.
    pub other_part: Option<JoinAnswers>,
}

#[derive(sqlx::FromRow)]
struct CaseSqlRow {
    id: i64,
    erased_at: Option<i64>,
    case_state: String,
    case_version: i64,
    answers: Vec<u8>,
    other_answers: Option<Vec<u8>>,
    #[sqlx(flatten)]
    inbox: InboxSqlRow,
}

/// A transition as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseEventRow {
    pub at: i64,
    pub actor: Option<i64>,
    pub action: String,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub detail: String,
}

/// A change to write: the new state, and what the history records.
pub struct CaseChange<'a> {
    pub from: Stage,
    pub state: &'a CaseState,
    pub actor: i64,
    pub action: &'a str,
    pub detail: &'a str,
    /// A message for the referrer, queued with the change.
    pub notify: Option<Message<'a>>,
}

const INBOX_COLUMNS: &str = "r.reference, r.submitted_at, r.stage, r.light, r.service, r.assigned_to, \
     r.first_response_at, r.review_due, \
     (SELECT COUNT(*) FROM referral_invitations i WHERE i.referral_id = r.id AND i.state = 'submitted') AS other_part";

fn note_location(reference: &str) -> FieldLocation<'_> {
    FieldLocation { table: "case_notes", column: "note", row: reference }
}

impl Store {
    /// Every sent referral of `centre` (the inbox rules choose and order them).
    pub async fn inbox_rows(&self, centre: &Slug) -> Result<Vec<InboxRow>, StoreError> {
        let sql = format!("SELECT {INBOX_COLUMNS} FROM referrals r WHERE r.state = 'submitted' AND r.centre_slug = $1");
        let rows: Vec<InboxSqlRow> =
            on_read!(self, |pool| sqlx::query_as(&sql).bind(centre.as_str()).fetch_all(pool).await)?;
        rows.into_iter().map(InboxRow::try_from).collect()
    }

    /// One of `centre`'s cases, opened; `None` for any other centre's, or none.
    pub async fn case_record(
        &self,
        cipher: &FieldCipher,
        centre: &Slug,
        reference: &ReferralReference,
    ) -> Result<Option<CaseRecord>, StoreError> {
        let sql = format!(
            "SELECT r.id, r.erased_at, r.case_state, r.case_version, r.answers, \
             (SELECT i.answers FROM referral_invitations i WHERE i.referral_id = r.id AND i.state = 'submitted') \
             AS other_answers, {INBOX_COLUMNS} \
             FROM referrals r WHERE r.state = 'submitted' AND r.centre_slug = $1 AND r.reference = $2"
        );
        let row: Option<CaseSqlRow> = on_read!(self, |pool| {
            sqlx::query_as(&sql).bind(centre.as_str()).bind(reference.as_str()).fetch_optional(pool).await
        })?;
        let Some(row) = row else { return Ok(None) };
        let state: CaseState =
            serde_json::from_str(&row.case_state).map_err(|e| StoreError::CorruptRow(format!("case state: {e}")))?;
        // An erased case (retention) has no answers left to open.
        let (answers, other_part) = match (row.erased_at, row.other_answers) {
            (Some(_), _) => (DraftAnswers::default(), None),
            (None, Some(sealed)) => (
                super::referrals::open_answers(cipher, reference, &row.answers)?,
                Some(super::invitations::open(cipher, reference, Some(sealed))?),
            ),
            (None, None) => (super::referrals::open_answers(cipher, reference, &row.answers)?, None),
        };
        Ok(Some(CaseRecord {
            id: row.id,
            row: InboxRow::try_from(row.inbox)?,
            state,
            version: row.case_version,
            answers,
            other_part,
        }))
    }

    /// A referral's two parts, whichever centre it went to: only for a NACCC administrator's
    /// subject access export (audit-logged by the caller). `None` if there is none, or it was erased.
    pub async fn referral_parts(
        &self,
        cipher: &FieldCipher,
        reference: &ReferralReference,
    ) -> Result<Option<(DraftAnswers, Option<JoinAnswers>)>, StoreError> {
        let row: Option<(Vec<u8>, Option<Vec<u8>>)> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT r.answers, (SELECT i.answers FROM referral_invitations i \
                 WHERE i.referral_id = r.id AND i.state = 'submitted') FROM referrals r \
                 WHERE r.reference = $1 AND r.state = 'submitted' AND r.erased_at IS NULL",
            )
            .bind(reference.as_str())
            .fetch_optional(pool)
            .await
        })?;
        let Some((answers, other)) = row else { return Ok(None) };
        let answers = super::referrals::open_answers(cipher, reference, &answers)?;
        let other = match other {
            Some(sealed) => Some(super::invitations::open(cipher, reference, Some(sealed))?),
            None => None,
        };
        Ok(Some((answers, other)))
    }

    /// Writes a change to one of `centre`'s cases if it is still at `version` (nobody changed it
    /// meanwhile), with its history entry and any message, in one transaction. `false` if not.
    pub async fn change_case(
        &self,
        centre: &Slug,
        reference: &ReferralReference,
        version: i64,
        change: &CaseChange<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let state_json = serde_json::to_string(change.state).map_err(|e| StoreError::CorruptRow(e.to_string()))?;
        let stage = change.state.stage();
        let review_due = match change.state {
            CaseState::Active(contact) => Some(String::from(IsoDate::from(contact.review_due()))),
            _ => None,
        };
        let closed = !stage.is_open();
        let written = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let found: Option<i64> = sqlx::query_scalar(
                    "UPDATE referrals SET case_state = $1, stage = $2, review_due = $3, \
                     closed_at = CASE WHEN $4 THEN COALESCE(closed_at, $5) ELSE NULL END, \
                     first_response_at = COALESCE(first_response_at, $5), case_version = case_version + 1 \
                     WHERE centre_slug = $6 AND reference = $7 AND state = 'submitted' AND case_version = $8 \
                     RETURNING id",
                )
                .bind(&state_json)
                .bind(stage.code())
                .bind(review_due.as_deref())
                .bind(closed)
                .bind(now)
                .bind(centre.as_str())
                .bind(reference.as_str())
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(id) = found else { return Ok(false) };
                super::status::write_status!(tx, reference.as_str());
                sqlx::query(
                    "INSERT INTO case_events (referral_id, at, actor, action, from_stage, to_stage, detail) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(now)
                .bind(change.actor)
                .bind(change.action)
                .bind(change.from.code())
                .bind(stage.code())
                .bind(change.detail)
                .execute(&mut *tx)
                .await?;
                if let Some(message) = &change.notify {
                    sqlx::query(INSERT_MESSAGE)
                        .bind(message.kind)
                        .bind(super::Recipient::Referrer(reference.to_string()).stored())
                        .bind(message.subject)
                        .bind(message.body)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(true)
            }
            .await
        })?;
        Ok(written)
    }

    /// A case's history, oldest first.
    pub async fn case_events(&self, referral_id: i64) -> Result<Vec<CaseEventRow>, StoreError> {
        let rows = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT at, actor, action, from_stage, to_stage, detail FROM case_events WHERE referral_id = $1 ORDER BY id",
            )
            .bind(referral_id)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows)
    }

    /// Adds a note to one of `centre`'s cases, once per form key.
    pub async fn add_case_note(
        &self,
        cipher: &FieldCipher,
        centre: &Slug,
        reference: &ReferralReference,
        note: &NewNote<'_>,
        now: i64,
    ) -> Result<NoteAdded, StoreError> {
        let sealed = cipher.seal(note_location(reference.as_str()), note.text.as_bytes())?;
        let key = note.key.map(|k| k.as_str());
        let outcome = on_write!(self, |pool| {
            async {
                // The unique (referral, key) makes a resent form a no-op, however close together.
                let added = sqlx::query(
                    "INSERT INTO case_notes (referral_id, at, author, note, form_key) SELECT id, $1, $2, $3, $4 \
                     FROM referrals WHERE centre_slug = $5 AND reference = $6 AND state = 'submitted' \
                     AND erased_at IS NULL ON CONFLICT (referral_id, form_key) DO NOTHING",
                )
                .bind(now)
                .bind(note.author)
                .bind(&sealed)
                .bind(key)
                .bind(centre.as_str())
                .bind(reference.as_str())
                .execute(pool)
                .await?
                .rows_affected();
                if added == 1 {
                    return Ok(NoteAdded::Added);
                }
                let Some(key) = key else { return Ok(NoteAdded::NotTheirs) };
                let before: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM case_notes n JOIN referrals r ON r.id = n.referral_id \
                     WHERE r.centre_slug = $1 AND r.reference = $2 AND n.form_key = $3",
                )
                .bind(centre.as_str())
                .bind(reference.as_str())
                .bind(key)
                .fetch_one(pool)
                .await?;
                Ok::<_, sqlx::Error>(if before > 0 { NoteAdded::AlreadyAdded } else { NoteAdded::NotTheirs })
            }
            .await
        })?;
        Ok(outcome)
    }

    /// A case's notes, oldest first: (when, author, text).
    pub async fn case_notes(
        &self,
        cipher: &FieldCipher,
        referral_id: i64,
        reference: &ReferralReference,
    ) -> Result<Vec<(i64, Option<i64>, String)>, StoreError> {
        let rows: Vec<(i64, Option<i64>, Vec<u8>)> = on_read!(self, |pool| {
            sqlx::query_as("SELECT at, author, note FROM case_notes WHERE referral_id = $1 ORDER BY id")
                .bind(referral_id)
                .fetch_all(pool)
                .await
        })?;
        rows.into_iter()
            .map(|(at, author, sealed)| {
                let text = cipher.open(note_location(reference.as_str()), &sealed)?;
                Ok((at, author, String::from_utf8_lossy(&text).into_owned()))
            })
            .collect()
    }

    /// Assigns one of `centre`'s cases to one of its active staff (or to nobody); `false` if the
    /// case or the person is not the centre's.
    pub async fn assign_case(
        &self,
        centre: &Slug,
        reference: &ReferralReference,
        to: Option<i64>,
    ) -> Result<bool, StoreError> {
        let assigned = on_write!(self, |pool| {
            sqlx::query(
                "UPDATE referrals SET assigned_to = $1 WHERE centre_slug = $2 AND reference = $3 AND state = 'submitted' \
                 AND (CAST($1 AS BIGINT) IS NULL OR EXISTS \
                      (SELECT 1 FROM users u WHERE u.id = $1 AND u.centre_slug = $2 AND u.disabled = $4))",
            )
            .bind(to)
            .bind(centre.as_str())
            .bind(reference.as_str())
            .bind(false)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(assigned == 1)
    }

    /// Everyone who has had an account at the centre, disabled or not: (id, name, disabled), for
    /// naming who did what in a case's history.
    pub async fn centre_people(&self, centre: &Slug) -> Result<Vec<(i64, String, bool)>, StoreError> {
        let people = on_read!(self, |pool| {
            sqlx::query_as("SELECT id, name, disabled FROM users WHERE centre_slug = $1")
                .bind(centre.as_str())
                .fetch_all(pool)
                .await
        })?;
        Ok(people)
    }

    /// The centre's active staff: (id, name), by name.
    pub async fn centre_staff(&self, centre: &Slug) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(active_staff(&self.centre_people(centre).await?))
    }
}

/// Of everyone who has had an account at a centre, its active staff: (id, name), by name.
pub fn active_staff(people: &[(i64, String, bool)]) -> Vec<(i64, String)> {
    let mut staff: Vec<(i64, String)> =
        people.iter().filter(|(_, _, disabled)| !disabled).map(|(id, name, _)| (*id, name.clone())).collect();
    staff.sort_by_key(|(_, name)| name.to_lowercase());
    staff
}
