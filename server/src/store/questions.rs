//! The questions NACCC adds to a quarter's statistics return. A quarter's questions change only
//! until the first of its returns is submitted: after that every centre must have been asked the
//! same, so adding and removing are refused in the same statement that would make the change.

use super::{Backend, Store, StoreError, on_read, on_write};
use shared::Quarter;
use shared::returns::questions::{ExtraQuestion, MAX_QUESTIONS, NewQuestion, QuestionKind};

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    kind: String,
    text: String,
    hint: String,
    choices: String,
    required: i64,
}

/// What adding a question came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionAdded {
    Added,
    /// The same form was sent before: nothing more was added.
    Repeated,
    /// A return of the quarter has been submitted: its questions are fixed.
    Closed,
    /// The quarter has [`MAX_QUESTIONS`] already.
    Full,
}

/// Taken first by every change to a quarter's questions and by every submission or amendment of
/// one of its returns, so none of them sees the other half done (PostgreSQL; SQLite's one writer
/// already runs them one at a time).
pub(super) const LOCK_QUESTIONS: &str = "SELECT pg_advisory_xact_lock(hashtext('return-questions:' || $1))";

/// Some return of the quarter (`$1`) is submitted.
const SUBMITTED: &str = "EXISTS (SELECT 1 FROM statistics_returns WHERE quarter = $1 AND state <> 'draft')";

impl Store {
    /// `quarter`'s questions, in the order the return asks them.
    pub async fn questions(&self, quarter: Quarter) -> Result<Vec<ExtraQuestion>, StoreError> {
        let rows: Vec<QuestionRow> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, kind, text, hint, choices, required FROM return_questions \
                 WHERE quarter = $1 ORDER BY position, id",
            )
            .bind(quarter.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|r| {
                let corrupt = |what: &str| StoreError::CorruptRow(format!("return question {what}"));
                Ok(ExtraQuestion {
                    id: r.id,
                    kind: QuestionKind::from_code(&r.kind).ok_or_else(|| corrupt("kind"))?,
                    text: r.text,
                    hint: r.hint,
                    choices: serde_json::from_str(&r.choices).map_err(|_| corrupt("choices"))?,
                    required: r.required != 0,
                })
            })
            .collect()
    }

    /// Whether `quarter`'s questions are fixed (a return of it has been submitted).
    pub async fn questions_closed(&self, quarter: Quarter) -> Result<bool, StoreError> {
        let sql = format!("SELECT {SUBMITTED}");
        let closed: bool =
            on_read!(self, |pool| sqlx::query_scalar(&sql).bind(quarter.to_string()).fetch_one(pool).await)?;
        Ok(closed)
    }

    /// Adds a question at the end of `quarter`'s, once per form `key`.
    pub async fn add_question(
        &self,
        quarter: Quarter,
        question: &NewQuestion,
        by: Option<i64>,
        key: &str,
        now: i64,
    ) -> Result<QuestionAdded, StoreError> {
        let choices = serde_json::to_string(&question.choices).unwrap_or_else(|_| "[]".to_owned());
        let max = i64::try_from(MAX_QUESTIONS).unwrap_or(i64::MAX);
        let sql = format!(
            "INSERT INTO return_questions (quarter, position, kind, text, hint, choices, required, created_at, \
             created_by, form_key) \
             SELECT $1, COALESCE((SELECT MAX(position) FROM return_questions WHERE quarter = $1), 0) + 1, \
             $2, $3, $4, $5, $6, $7, $8, $9 \
             WHERE NOT {SUBMITTED} AND (SELECT COUNT(*) FROM return_questions WHERE quarter = $1) < $10 \
             ON CONFLICT (form_key) DO NOTHING"
        );
        let postgres = self.backend() == Backend::Postgres;
        let code = quarter.to_string();
        let added = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_QUESTIONS).bind(&code).execute(&mut *tx).await?;
                }
                let added = sqlx::query(&sql)
                    .bind(&code)
                    .bind(question.kind.code())
                    .bind(&question.text)
                    .bind(&question.hint)
                    .bind(&choices)
                    .bind(i64::from(question.required))
                    .bind(now)
                    .bind(by)
                    .bind(key)
                    .bind(max)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                tx.commit().await?;
                Ok::<_, sqlx::Error>(added)
            }
            .await
        })?;
        if added == 1 {
            return Ok(QuestionAdded::Added);
        }
        let repeated: Option<i64> = on_read!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM return_questions WHERE form_key = $1")
                .bind(key)
                .fetch_optional(pool)
                .await
        })?;
        Ok(if repeated.is_some() {
            QuestionAdded::Repeated
        } else if self.questions_closed(quarter).await? {
            QuestionAdded::Closed
        } else {
            QuestionAdded::Full
        })
    }

    /// Removes a question of `quarter` while its questions are open; whether one was removed.
    pub async fn remove_question(&self, quarter: Quarter, id: i64) -> Result<bool, StoreError> {
        let sql = format!("DELETE FROM return_questions WHERE quarter = $1 AND id = $2 AND NOT {SUBMITTED}");
        let postgres = self.backend() == Backend::Postgres;
        let code = quarter.to_string();
        let removed = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                if postgres {
                    sqlx::query(LOCK_QUESTIONS).bind(&code).execute(&mut *tx).await?;
                }
                let removed = sqlx::query(&sql).bind(&code).bind(id).execute(&mut *tx).await?.rows_affected();
                tx.commit().await?;
                Ok::<_, sqlx::Error>(removed)
            }
            .await
        })?;
        Ok(removed == 1)
    }
}
