//! An accreditation case's contents in the database: the centre's self-assessment, evidence
//! files' records, the assessor's desk review and visit, and the action plan. Each write names the
//! stage it is allowed in inside its own statement, with the case's row locked on PostgreSQL.

use super::accreditation::{LOCK_CASE, stage_is};
use super::{Backend, Store, StoreError, on_read, on_write};
use shared::accreditation::assessment::{Rating, SelfAnswer};
use shared::accreditation::{Stage, StandardKey};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EvidenceRow {
    pub id: i64,
    pub case_id: i64,
    pub centre_id: i64,
    pub assessor_id: Option<i64>,
    pub standard_key: String,
    pub object_key: String,
    pub file_name: String,
    pub kind: String,
    pub size_bytes: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueryRow {
    pub id: i64,
    pub standard_key: String,
    pub query: String,
    pub sent_at: Option<i64>,
    pub reply: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemRow {
    pub id: i64,
    pub text: String,
    pub due_on: String,
    pub response: Option<String>,
}

/// A new evidence file's record (its bytes already stored under `object_key`).
#[derive(Debug, Clone)]
pub struct NewEvidence<'a> {
    pub case_id: i64,
    pub standard_key: &'a StandardKey,
    pub object_key: &'a str,
    pub file_name: &'a str,
    pub kind: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub by: i64,
    pub now: i64,
    pub max_files: i64,
}

impl Store {
    pub async fn self_answers(&self, case_id: i64) -> Result<Vec<SelfAnswer>, StoreError> {
        let rows: Vec<(String, Option<String>, String)> = on_read!(self, |pool| {
            sqlx::query_as("SELECT standard_key, rating, notes FROM self_assessment_answers WHERE case_id = $1")
                .bind(case_id)
                .fetch_all(pool)
                .await
        })?;
        rows.into_iter()
            .map(|(key, rating, notes)| {
                let corrupt = || StoreError::CorruptRow("self-assessment answer".into());
                Ok(SelfAnswer {
                    key: StandardKey::parse(&key).map_err(|_| corrupt())?,
                    rating: rating.map(|r| Rating::from_code(&r).ok_or_else(corrupt)).transpose()?,
                    notes,
                })
            })
            .collect()
    }

    /// Saves answers while the case is at its self-assessment; whether they were saved.
    pub async fn save_self_answers(
        &self,
        case_id: i64,
        answers: &[SelfAnswer],
        by: Option<i64>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sql = format!(
            "INSERT INTO self_assessment_answers (case_id, standard_key, rating, notes, updated_at, updated_by) \
             SELECT $1, $2, $3, $4, $5, $6 WHERE {} \
             ON CONFLICT (case_id, standard_key) DO UPDATE SET rating = excluded.rating, notes = excluded.notes, \
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            stage_is(Stage::SelfAssessment)
        );
        let postgres = self.backend() == Backend::Postgres;
        let saved = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_CASE).bind(case_id).execute(&mut *tx).await?;
                }
                let mut saved = 0;
                for answer in answers {
                    saved += sqlx::query(&sql)
                        .bind(case_id)
                        .bind(answer.key.as_str())
                        .bind(answer.rating.map(Rating::code))
                        .bind(&answer.notes)
                        .bind(now)
                        .bind(by)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(saved)
            }
            .await
        })?;
        Ok(saved > 0 || answers.is_empty())
    }

    /// Records an evidence file while the case is at its self-assessment and the standard has
    /// fewer than `max_files`; its id, or `None` if refused.
    pub async fn add_evidence(&self, file: &NewEvidence<'_>) -> Result<Option<i64>, StoreError> {
        let sql = format!(
            "INSERT INTO evidence_files (case_id, standard_key, object_key, file_name, kind, size_bytes, sha256, \
             uploaded_by, uploaded_at) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE {} \
             AND (SELECT COUNT(*) FROM evidence_files WHERE case_id = $1 AND standard_key = $2) < $10 RETURNING id",
            stage_is(Stage::SelfAssessment)
        );
        let postgres = self.backend() == Backend::Postgres;
        Ok(on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_CASE).bind(file.case_id).execute(&mut *tx).await?;
                }
                let id: Option<i64> = sqlx::query_scalar(&sql)
                    .bind(file.case_id)
                    .bind(file.standard_key.as_str())
                    .bind(file.object_key)
                    .bind(file.file_name)
                    .bind(file.kind)
                    .bind(file.size_bytes)
                    .bind(file.sha256)
                    .bind(file.by)
                    .bind(file.now)
                    .bind(file.max_files)
                    .fetch_optional(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(id)
            }
            .await
        })?)
    }

    const EVIDENCE_SELECT: &'static str = "SELECT e.id, e.case_id, a.centre_id, a.assessor_id, e.standard_key, \
        e.object_key, e.file_name, e.kind, e.size_bytes FROM evidence_files e \
        JOIN accreditation_cases a ON a.id = e.case_id";

    pub async fn evidence_files(&self, case_id: i64) -> Result<Vec<EvidenceRow>, StoreError> {
        let sql = format!("{} WHERE e.case_id = $1 ORDER BY e.id", Self::EVIDENCE_SELECT);
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(case_id).fetch_all(pool).await)?)
    }

    pub async fn evidence_file(&self, id: i64) -> Result<Option<EvidenceRow>, StoreError> {
        let sql = format!("{} WHERE e.id = $1", Self::EVIDENCE_SELECT);
        Ok(on_read!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)?)
    }

    /// Removes a file's record while its case is at its self-assessment; its object key if removed.
    pub async fn remove_evidence(&self, case_id: i64, id: i64) -> Result<Option<String>, StoreError> {
        let sql = format!(
            "DELETE FROM evidence_files WHERE case_id = $1 AND id = $2 AND {} RETURNING object_key",
            stage_is(Stage::SelfAssessment)
        );
        Ok(on_write!(self, |pool| sqlx::query_scalar(&sql).bind(case_id).bind(id).fetch_optional(pool).await)?)
    }

    pub async fn agreed_standards(&self, case_id: i64) -> Result<Vec<String>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_scalar("SELECT standard_key FROM desk_review_agreed WHERE case_id = $1")
                .bind(case_id)
                .fetch_all(pool)
                .await
        })?)
    }

    /// The assessor agrees a standard during the desk review; whether it was recorded.
    pub async fn agree_standard(&self, case_id: i64, key: &StandardKey, now: i64) -> Result<bool, StoreError> {
        let sql = format!(
            "INSERT INTO desk_review_agreed (case_id, standard_key, agreed_at) SELECT $1, $2, $3 WHERE {} \
             ON CONFLICT (case_id, standard_key) DO NOTHING",
            stage_is(Stage::DeskReview)
        );
        on_write!(self, |pool| sqlx::query(&sql)
            .bind(case_id)
            .bind(key.as_str())
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        let agreed = self.agreed_standards(case_id).await?;
        Ok(agreed.iter().any(|k| k == key.as_str()))
    }

    /// The assessor agrees, in one go, those of `keys` (one section's standards) that carry no
    /// query still waiting for the centre's answer; how many were newly agreed. The check for an
    /// open query is in the same statement, so a query saved at the same moment is never agreed.
    pub async fn agree_unqueried(&self, case_id: i64, keys: &[StandardKey], now: i64) -> Result<u64, StoreError> {
        let sql = format!(
            "INSERT INTO desk_review_agreed (case_id, standard_key, agreed_at) SELECT $1, $2, $3 WHERE {} \
             AND NOT EXISTS (SELECT 1 FROM desk_review_queries q WHERE q.case_id = $1 AND q.standard_key = $2 \
             AND q.reply IS NULL) ON CONFLICT (case_id, standard_key) DO NOTHING",
            stage_is(Stage::DeskReview)
        );
        let postgres = self.backend() == Backend::Postgres;
        Ok(on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_CASE).bind(case_id).execute(&mut *tx).await?;
                }
                let mut agreed = 0;
                for key in keys {
                    agreed += sqlx::query(&sql)
                        .bind(case_id)
                        .bind(key.as_str())
                        .bind(now)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(agreed)
            }
            .await
        })?)
    }

    /// Drafts a query on a standard during the desk review (once per form `form_key`); it leaves
    /// the standard's agreement, if any. Whether it is recorded.
    pub async fn add_query(
        &self,
        case_id: i64,
        key: &StandardKey,
        text: &str,
        form_key: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sql = format!(
            "INSERT INTO desk_review_queries (case_id, standard_key, query, asked_at, form_key) \
             SELECT $1, $2, $3, $4, $5 WHERE {} ON CONFLICT (form_key) DO NOTHING",
            stage_is(Stage::DeskReview)
        );
        let postgres = self.backend() == Backend::Postgres;
        let added = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_CASE).bind(case_id).execute(&mut *tx).await?;
                }
                let added = sqlx::query(&sql)
                    .bind(case_id)
                    .bind(key.as_str())
                    .bind(text)
                    .bind(now)
                    .bind(form_key)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if added == 1 {
                    sqlx::query("DELETE FROM desk_review_agreed WHERE case_id = $1 AND standard_key = $2")
                        .bind(case_id)
                        .bind(key.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(added)
            }
            .await
        })?;
        if added == 1 {
            return Ok(true);
        }
        let repeated: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM desk_review_queries WHERE form_key = $1 AND case_id = $2")
                .bind(form_key)
                .bind(case_id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(repeated.is_some())
    }

    pub async fn review_queries(&self, case_id: i64) -> Result<Vec<QueryRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, standard_key, query, sent_at, reply FROM desk_review_queries WHERE case_id = $1 ORDER BY id",
            )
            .bind(case_id)
            .fetch_all(pool)
            .await
        })?)
    }

    /// The centre's reply to a sent query while the case is at its queries; whether saved.
    pub async fn reply_to_query(&self, case_id: i64, query_id: i64, reply: &str, now: i64) -> Result<bool, StoreError> {
        let sql = format!(
            "UPDATE desk_review_queries SET reply = $3, replied_at = $4 WHERE case_id = $1 AND id = $2 \
             AND sent_at IS NOT NULL AND {}",
            stage_is(Stage::Queries)
        );
        let n = on_write!(self, |pool| {
            sqlx::query(&sql)
                .bind(case_id)
                .bind(query_id)
                .bind(reply)
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(n == 1)
    }

    /// The assessor's visit (date and report) while the case is at its visit; whether saved.
    pub async fn record_visit(&self, case_id: i64, on: &str, report: &str) -> Result<bool, StoreError> {
        let sql = format!(
            "UPDATE accreditation_cases SET visit_on = $2, visit_report = $3, version = version + 1 WHERE id = $1 AND {}",
            stage_is(Stage::Visit)
        );
        let n = on_write!(self, |pool| {
            sqlx::query(&sql).bind(case_id).bind(on).bind(report).execute(pool).await.map(|r| r.rows_affected())
        })?;
        Ok(n == 1)
    }

    /// Adds an action-plan item while the case has conditions (once per form); whether recorded.
    pub async fn add_action_item(
        &self,
        case_id: i64,
        text: &str,
        due_on: &str,
        form_key: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sql = format!(
            "INSERT INTO action_items (case_id, text, due_on, created_at, form_key) SELECT $1, $2, $3, $4, $5 \
             WHERE {} ON CONFLICT (form_key) DO NOTHING",
            stage_is(Stage::Conditions)
        );
        let postgres = self.backend() == Backend::Postgres;
        let n = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_CASE).bind(case_id).execute(&mut *tx).await?;
                }
                let n = sqlx::query(&sql)
                    .bind(case_id)
                    .bind(text)
                    .bind(due_on)
                    .bind(now)
                    .bind(form_key)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                tx.commit().await?;
                Ok::<_, sqlx::Error>(n)
            }
            .await
        })?;
        if n == 1 {
            return Ok(true);
        }
        let repeated: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM action_items WHERE form_key = $1 AND case_id = $2")
                .bind(form_key)
                .bind(case_id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(repeated.is_some())
    }

    pub async fn action_items(&self, case_id: i64) -> Result<Vec<ItemRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as("SELECT id, text, due_on, response FROM action_items WHERE case_id = $1 ORDER BY due_on, id")
                .bind(case_id)
                .fetch_all(pool)
                .await
        })?)
    }

    /// The centre's answer to an action item while the plan is open; whether saved.
    pub async fn answer_action_item(
        &self,
        case_id: i64,
        item: i64,
        response: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sql = format!(
            "UPDATE action_items SET response = $3, responded_at = $4 WHERE case_id = $1 AND id = $2 AND {}",
            stage_is(Stage::Conditions)
        );
        let n = on_write!(self, |pool| {
            sqlx::query(&sql)
                .bind(case_id)
                .bind(item)
                .bind(response)
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(n == 1)
    }
}
