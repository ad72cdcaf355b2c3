//! Accreditation cases in the database: the standards catalogue's versions, a centre's cases, every
//! step with who and when, and reminders sent (a case's contents are in `assessment.rs`). A case's
//! stage is written only by `apply_step`, at the version the page showed and from the stage the
//! rule started from, with its history entry and its effects on the centre in one transaction.

use super::{Store, StoreError, on_read, on_write};
use shared::accreditation::Stage;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub centre_id: i64,
    pub centre_slug: String,
    pub centre_name: String,
    pub standards_version: i64,
    pub kind: String,
    pub stage: String,
    pub services: String,
    pub venue: String,
    pub signed_by: String,
    pub signed_on: String,
    pub applied_on: String,
    pub confirmed_on: Option<String>,
    pub fee_paid_on: Option<String>,
    pub assessor_id: Option<i64>,
    pub assessor_name: Option<String>,
    pub visit_on: Option<String>,
    pub visit_report: String,
    pub recommendation: Option<String>,
    pub decided_on: Option<String>,
    pub renewal_due: Option<String>,
    pub version: i64,
}

impl CaseRow {
    pub fn stage(&self) -> Result<Stage, StoreError> {
        Stage::from_code(&self.stage).ok_or_else(|| StoreError::CorruptRow("accreditation stage".into()))
    }
}

const CASE_SELECT: &str = "SELECT a.id, a.centre_id, c.slug AS centre_slug, c.name AS centre_name, a.standards_version, \
    a.kind, a.stage, a.services, a.venue, a.signed_by, a.signed_on, a.applied_on, a.confirmed_on, a.fee_paid_on, \
    a.assessor_id, u.name AS assessor_name, a.visit_on, a.visit_report, a.recommendation, a.decided_on, \
    a.renewal_due, a.version \
    FROM accreditation_cases a JOIN centres c ON c.id = a.centre_id LEFT JOIN users u ON u.id = a.assessor_id";

/// A new case, as applied for.
#[derive(Debug, Clone)]
pub struct NewCase<'a> {
    pub centre_id: i64,
    pub standards_version: i64,
    pub renewal: bool,
    pub services: &'a str,
    pub venue: &'a str,
    pub signed_by: &'a str,
    pub signed_on: String,
    pub applied_on: String,
    /// Set for a re-accreditation, which starts at its self-assessment.
    pub stage: Stage,
}

/// What a step changes beside the stage: on the case, and on the centre's directory entry.
#[derive(Debug, Clone, Default)]
pub struct StepEffects {
    pub confirmed_on: Option<String>,
    pub fee_paid_on: Option<String>,
    pub assessor_id: Option<i64>,
    pub recommendation: Option<&'static str>,
    pub decided_on: Option<String>,
    pub renewal_due: Option<String>,
    /// Sends the assessor's drafted queries to the centre.
    pub send_queries: bool,
    pub centre_status: Option<&'static str>,
    pub centre_service: Option<&'static str>,
    pub centre_accredited_on: Option<String>,
    pub membership: Option<&'static str>,
    /// The day a removed centre left NACCC (the board's membership over time).
    pub left_on: Option<String>,
}

/// One step as the history shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StepRow {
    pub action: String,
    pub from_stage: String,
    pub to_stage: String,
    pub by_name: Option<String>,
    pub at: i64,
    pub note: String,
}

/// On PostgreSQL, holds the case's row until the transaction ends: a write that names the stage it
/// is allowed in then cannot land beside a step moving the stage, and counted limits hold against
/// parallel requests (SQLite's one writer already runs them one at a time).
pub(super) const LOCK_CASE: &str = "SELECT id FROM accreditation_cases WHERE id = $1 FOR UPDATE";

pub(super) fn stage_is(stage: Stage) -> String {
    format!("EXISTS (SELECT 1 FROM accreditation_cases WHERE id = $1 AND stage = '{}')", stage.code())
}

impl Store {
    /// The newest catalogue version and its body; the shipped one is stored first if none is.
    pub async fn current_standards(&self, shipped: &str, now: i64) -> Result<(i64, String), StoreError> {
        on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO standards_versions (body, created_at, note) SELECT $1, $2, 'Shipped with Contact Hub' \
                 WHERE NOT EXISTS (SELECT 1 FROM standards_versions)",
            )
            .bind(shipped)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        let row: (i64, String) = on_read!(self, |pool| {
            sqlx::query_as("SELECT id, body FROM standards_versions ORDER BY id DESC LIMIT 1").fetch_one(pool).await
        })?;
        Ok(row)
    }

    /// A catalogue version's body.
    pub async fn standards_version(&self, id: i64) -> Result<Option<String>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_scalar("SELECT body FROM standards_versions WHERE id = $1").bind(id).fetch_optional(pool).await
        })?)
    }

    /// Stores a new catalogue version; its id.
    pub async fn add_standards_version(&self, body: &str, by: i64, note: &str, now: i64) -> Result<i64, StoreError> {
        Ok(on_write!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO standards_versions (body, created_at, created_by, note) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(body)
            .bind(now)
            .bind(by)
            .bind(note)
            .fetch_one(pool)
            .await
        })?)
    }

    /// Opens a case with its first step; `None` if the centre already has one under way.
    pub async fn create_case(&self, case: &NewCase<'_>, by: Option<i64>, now: i64) -> Result<Option<i64>, StoreError> {
        let created = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO accreditation_cases (centre_id, standards_version, kind, stage, services, venue, \
                     signed_by, signed_on, applied_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                     ON CONFLICT DO NOTHING RETURNING id",
                )
                .bind(case.centre_id)
                .bind(case.standards_version)
                .bind(if case.renewal { "renewal" } else { "candidate" })
                .bind(case.stage.code())
                .bind(case.services)
                .bind(case.venue)
                .bind(case.signed_by)
                .bind(&case.signed_on)
                .bind(&case.applied_on)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(id) = id {
                    sqlx::query(
                        "INSERT INTO accreditation_steps (case_id, action, from_stage, to_stage, by_user, at) \
                         VALUES ($1, 'apply', $2, $2, $3, $4)",
                    )
                    .bind(id)
                    .bind(case.stage.code())
                    .bind(by)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(id)
            }
            .await
        })?;
        Ok(created)
    }

    /// The centre's case under way or its latest one.
    pub async fn centre_case(&self, centre_id: i64) -> Result<Option<CaseRow>, StoreError> {
        let sql =
            format!("{CASE_SELECT} WHERE a.centre_id = $1 AND a.superseded_by IS NULL ORDER BY a.id DESC LIMIT 1");
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(centre_id).fetch_optional(pool).await)?)
    }

    pub async fn accreditation_case(&self, id: i64) -> Result<Option<CaseRow>, StoreError> {
        let sql = format!("{CASE_SELECT} WHERE a.id = $1");
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)?)
    }

    /// Every current case (the newest of each centre), or only `assessor`'s.
    pub async fn accreditation_cases(&self, assessor: Option<i64>) -> Result<Vec<CaseRow>, StoreError> {
        let sql = format!(
            "{CASE_SELECT} WHERE a.superseded_by IS NULL AND ($1 IS NULL OR a.assessor_id = $1) \
             AND a.id = (SELECT MAX(b.id) FROM accreditation_cases b WHERE b.centre_id = a.centre_id)"
        );
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(assessor).fetch_all(pool).await)?)
    }

    /// Takes a step: the case moves from `from` to `to` only if it is still at `version` and
    /// `from`; with its history entry and effects, in one transaction. Whether it was taken.
    #[allow(clippy::too_many_arguments)]
    pub async fn apply_step(
        &self,
        case_id: i64,
        version: i64,
        action: &str,
        from: Stage,
        to: Stage,
        effects: &StepEffects,
        by: Option<i64>,
        note: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let taken = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let moved = sqlx::query(
                    "UPDATE accreditation_cases SET stage = $1, version = version + 1, \
                     confirmed_on = COALESCE($2, confirmed_on), fee_paid_on = COALESCE($3, fee_paid_on), \
                     assessor_id = COALESCE($4, assessor_id), recommendation = COALESCE($5, recommendation), \
                     decided_on = COALESCE($6, decided_on), renewal_due = COALESCE($7, renewal_due) \
                     WHERE id = $8 AND version = $9 AND stage = $10",
                )
                .bind(to.code())
                .bind(&effects.confirmed_on)
                .bind(&effects.fee_paid_on)
                .bind(effects.assessor_id)
                .bind(effects.recommendation)
                .bind(&effects.decided_on)
                .bind(&effects.renewal_due)
                .bind(case_id)
                .bind(version)
                .bind(from.code())
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved != 1 {
                    return Ok::<_, sqlx::Error>(false);
                }
                sqlx::query(
                    "INSERT INTO accreditation_steps (case_id, action, from_stage, to_stage, by_user, at, note) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(case_id)
                .bind(action)
                .bind(from.code())
                .bind(to.code())
                .bind(by)
                .bind(now)
                .bind(note)
                .execute(&mut *tx)
                .await?;
                if effects.send_queries {
                    sqlx::query("UPDATE desk_review_queries SET sent_at = $2 WHERE case_id = $1 AND sent_at IS NULL")
                        .bind(case_id)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query(
                    "UPDATE centres SET accreditation_status = COALESCE($2, accreditation_status), \
                     service = COALESCE($3, service), accredited_on = COALESCE($4, accredited_on), \
                     renewal_due = COALESCE($5, renewal_due), membership = COALESCE($6, membership), \
                     left_on = COALESCE($7, left_on) WHERE id = (SELECT centre_id FROM accreditation_cases WHERE id = $1)",
                )
                .bind(case_id)
                .bind(effects.centre_status)
                .bind(effects.centre_service)
                .bind(&effects.centre_accredited_on)
                .bind(&effects.renewal_due)
                .bind(effects.membership)
                .bind(&effects.left_on)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(true)
            }
            .await
        })?;
        if taken && (effects.membership.is_some() || effects.centre_status.is_some()) {
            self.forget_directory();
        }
        Ok(taken)
    }

    /// The case's history, oldest first.
    pub async fn accreditation_steps(&self, case_id: i64) -> Result<Vec<StepRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT s.action, s.from_stage, s.to_stage, u.name AS by_name, s.at, s.note FROM accreditation_steps s \
                 LEFT JOIN users u ON u.id = s.by_user WHERE s.case_id = $1 ORDER BY s.id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await
        })?)
    }

    /// Sends a reminder of a case to its centre once: the mark and the message in one
    /// transaction, so a reminder is never marked without being queued, nor queued twice.
    pub async fn remind_centre(
        &self,
        case_id: i64,
        reminder: &str,
        centre_slug: &str,
        message: &super::Message<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let queued = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let fresh = sqlx::query(
                    "INSERT INTO accreditation_reminders (case_id, reminder, sent_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (case_id, reminder) DO NOTHING",
                )
                .bind(case_id)
                .bind(reminder)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if fresh == 1 {
                    sqlx::query(super::outbox::INSERT_MESSAGE)
                        .bind(message.kind)
                        .bind(super::Recipient::Centre(centre_slug.to_owned()).stored())
                        .bind(message.subject)
                        .bind(message.body)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(fresh == 1)
            }
            .await
        })?;
        Ok(queued)
    }

    /// The id of the centre with this slug.
    pub async fn centre_id(&self, slug: &str) -> Result<Option<i64>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM centres WHERE slug = $1").bind(slug).fetch_optional(pool).await
        })?)
    }
}
