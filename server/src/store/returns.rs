//! Quarterly statistics returns: each centre's, its amendments, the facts of its cases they are
//! worked out from, and reminders of late ones. A centre's return is read and written only with
//! the centre first, as the cases are.

use super::outbox::{INSERT_MESSAGE, Message, Recipient};
use super::{Store, StoreError, on_read, on_write};
use shared::Quarter;
use shared::referral::case::{CaseState, CloseOutcome};
use shared::referral::{ContactService, Fields};
use shared::returns::{CaseFacts, Figures, Query, ReturnState, Service};

/// One stored return.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnRecord {
    pub id: i64,
    pub centre: String,
    pub quarter: Quarter,
    pub state: ReturnState,
    pub fields: Fields,
    pub figures: Option<Figures>,
    pub computed: Figures,
    pub queries: Vec<Query>,
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct ReturnSqlRow {
    id: i64,
    centre_slug: String,
    quarter: String,
    state: String,
    fields: String,
    figures: Option<String>,
    computed: String,
    queries: String,
    submitted_at: Option<i64>,
    updated_at: i64,
    version: i64,
}

fn json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::CorruptRow(format!("return {what}: {e}")))
}

pub(super) fn to_json(value: &impl serde::Serialize) -> String {
    // Maps of strings and numbers always serialise.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

impl TryFrom<ReturnSqlRow> for ReturnRecord {
    type Error = StoreError;
    fn try_from(r: ReturnSqlRow) -> Result<Self, StoreError> {
        Ok(Self {
            id: r.id,
            quarter: Quarter::parse(&r.quarter).map_err(|_| StoreError::CorruptRow("return quarter".into()))?,
            state: ReturnState::from_code(&r.state).ok_or_else(|| StoreError::CorruptRow("return state".into()))?,
            fields: json("fields", &r.fields)?,
            figures: r.figures.as_deref().map(|f| json("figures", f)).transpose()?,
            computed: json("computed", &r.computed)?,
            queries: json("queries", &r.queries)?,
            submitted_at: r.submitted_at,
            updated_at: r.updated_at,
            version: r.version,
            centre: r.centre_slug,
        })
    }
}

const COLUMNS: &str =
    "id, centre_slug, quarter, state, fields, figures, computed, queries, submitted_at, updated_at, version";

/// A change to one return, written only if it is still at `seen_version` (`None`: the return
/// must not exist yet).
pub struct ReturnWrite<'a> {
    pub centre: &'a str,
    pub quarter: Quarter,
    pub seen_version: Option<i64>,
    pub state: ReturnState,
    pub fields: &'a Fields,
    pub computed: &'a Figures,
    pub figures: Option<&'a Figures>,
    pub queries: &'a [Query],
    pub actor: i64,
    /// Submitting now (sets who and when).
    pub submitting: bool,
    /// An amendment to keep: why, the figures before and the answers to the quarter's
    /// questions before.
    pub amendment: Option<(&'a str, &'a Figures, &'a Fields)>,
    /// The ids of the quarter's questions the return was checked against: a submission or
    /// amendment is written only if they are still the quarter's questions.
    pub questions: &'a [i64],
}

/// One amendment as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AmendmentRow {
    pub at: i64,
    pub actor: Option<i64>,
    pub reason: String,
    pub before: String,
    pub after: String,
    pub answers_before: String,
    pub answers_after: String,
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    service: String,
    submitted_at: i64,
    case_state: Option<String>,
    closed_at: Option<i64>,
    children: Option<i64>,
    accepted_at: Option<i64>,
    rejected_at: Option<i64>,
}

impl Store {
    /// What counting needs of each of `centre`'s sent referrals (no personal data is read).
    pub async fn case_facts(&self, centre: &str) -> Result<Vec<CaseFacts>, StoreError> {
        let rows: Vec<FactsRow> = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT r.service, r.submitted_at, r.case_state, r.closed_at, r.children, \
                 (SELECT MIN(e.at) FROM case_events e WHERE e.referral_id = r.id AND e.action = 'accept') AS accepted_at, \
                 (SELECT MIN(e.at) FROM case_events e WHERE e.referral_id = r.id \
                  AND e.action IN ('decline', 'redirect')) AS rejected_at \
                 FROM referrals r WHERE r.state = 'submitted' AND r.centre_slug = $1",
            )
            .bind(centre)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(facts_of).collect()
    }

    pub async fn statistics_return(&self, centre: &str, quarter: Quarter) -> Result<Option<ReturnRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM statistics_returns WHERE centre_slug = $1 AND quarter = $2");
        let row: Option<ReturnSqlRow> = on_read!(self, |pool| {
            sqlx::query_as(&sql).bind(centre).bind(quarter.to_string()).fetch_optional(pool).await
        })?;
        row.map(ReturnRecord::try_from).transpose()
    }

    /// Every return of `centre`.
    pub async fn returns_of(&self, centre: &str) -> Result<Vec<ReturnRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM statistics_returns WHERE centre_slug = $1");
        let rows: Vec<ReturnSqlRow> = on_read!(self, |pool| sqlx::query_as(&sql).bind(centre).fetch_all(pool).await)?;
        rows.into_iter().map(ReturnRecord::try_from).collect()
    }

    /// Every centre's return for `quarter` (drafts too).
    pub async fn returns_in(&self, quarter: Quarter) -> Result<Vec<ReturnRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM statistics_returns WHERE quarter = $1");
        let rows: Vec<ReturnSqlRow> =
            on_read!(self, |pool| sqlx::query_as(&sql).bind(quarter.to_string()).fetch_all(pool).await)?;
        rows.into_iter().map(ReturnRecord::try_from).collect()
    }

    /// Every submitted return, for the national totals and the CSV.
    pub async fn submitted_returns(&self) -> Result<Vec<ReturnRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM statistics_returns WHERE state <> 'draft'");
        let rows: Vec<ReturnSqlRow> = on_read!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?;
        rows.into_iter().map(ReturnRecord::try_from).collect()
    }

    /// Writes a return if nobody changed it since `seen_version`; `false` if somebody did. An
    /// amendment is kept in the same transaction.
    pub async fn write_return(&self, w: &ReturnWrite<'_>, now: i64) -> Result<bool, StoreError> {
        let fields = to_json(w.fields);
        let computed = to_json(w.computed);
        let figures = w.figures.map(to_json);
        let queries = to_json(&w.queries);
        let quarter = w.quarter.to_string();
        let (submitted_at, submitted_by) = if w.submitting { (Some(now), Some(w.actor)) } else { (None, None) };
        let postgres = self.backend() == super::Backend::Postgres;
        let mut checked_questions = w.questions.to_vec();
        checked_questions.sort_unstable();
        let written = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                // A submission or amendment must answer the quarter's questions as they are now.
                if w.figures.is_some() {
                    if postgres {
                        sqlx::query(super::questions::LOCK_QUESTIONS).bind(&quarter).execute(&mut *tx).await?;
                    }
                    let now_asked: Vec<i64> =
                        sqlx::query_scalar("SELECT id FROM return_questions WHERE quarter = $1 ORDER BY id")
                            .bind(&quarter)
                            .fetch_all(&mut *tx)
                            .await?;
                    if now_asked != checked_questions {
                        return Ok::<_, sqlx::Error>(false);
                    }
                }
                let id: Option<i64> =
                    match w.seen_version {
                        None => sqlx::query_scalar(
                            "INSERT INTO statistics_returns (centre_slug, quarter, state, fields, figures, computed, \
                             queries, submitted_at, submitted_by, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                             ON CONFLICT (centre_slug, quarter) DO NOTHING RETURNING id",
                        )
                        .bind(w.centre)
                        .bind(&quarter)
                        .bind(w.state.code())
                        .bind(&fields)
                        .bind(&figures)
                        .bind(&computed)
                        .bind(&queries)
                        .bind(submitted_at)
                        .bind(submitted_by)
                        .bind(now)
                        .fetch_optional(&mut *tx)
                        .await?,
                        Some(version) => {
                            sqlx::query_scalar(
                                "UPDATE statistics_returns SET state = $1, fields = $2, figures = $3, computed = $4, \
                             queries = $5, submitted_at = COALESCE($6, submitted_at), \
                             submitted_by = COALESCE($7, submitted_by), updated_at = $8, version = version + 1 \
                             WHERE centre_slug = $9 AND quarter = $10 AND version = $11 RETURNING id",
                            )
                            .bind(w.state.code())
                            .bind(&fields)
                            .bind(&figures)
                            .bind(&computed)
                            .bind(&queries)
                            .bind(submitted_at)
                            .bind(submitted_by)
                            .bind(now)
                            .bind(w.centre)
                            .bind(&quarter)
                            .bind(version)
                            .fetch_optional(&mut *tx)
                            .await?
                        }
                    };
                let Some(id) = id else { return Ok::<_, sqlx::Error>(false) };
                if let Some((reason, before, answers_before)) = w.amendment {
                    sqlx::query(
                        "INSERT INTO statistics_amendments (return_id, at, actor, reason, before, after, \
                         answers_before, answers_after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id)
                    .bind(now)
                    .bind(w.actor)
                    .bind(reason)
                    .bind(to_json(before))
                    .bind(figures.as_deref().unwrap_or("null"))
                    .bind(to_json(&answers_of(answers_before)))
                    .bind(to_json(&answers_of(w.fields)))
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(true)
            }
            .await
        })?;
        Ok(written)
    }

    /// A return's amendments, oldest first.
    pub async fn amendments(&self, return_id: i64) -> Result<Vec<AmendmentRow>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT at, actor, reason, before, after, answers_before, answers_after FROM statistics_amendments \
                 WHERE return_id = $1 ORDER BY id",
            )
            .bind(return_id)
            .fetch_all(pool)
            .await
        })?)
    }

    /// Queues a reminder of `quarter`'s return to each of `centres`, once per centre for the
    /// form `key` (a resent form queues nothing more); how many were queued.
    pub async fn remind(
        &self,
        quarter: Quarter,
        centres: &[String],
        key: &str,
        by: i64,
        message: &Message<'_>,
        now: i64,
    ) -> Result<usize, StoreError> {
        let quarter = quarter.to_string();
        let queued = on_write!(self, |pool| {
            async {
                let mut tx = pool.begin().await?;
                let mut queued = 0;
                for centre in centres {
                    let fresh = sqlx::query(
                        "INSERT INTO return_reminders (centre_slug, quarter, at, sent_by, form_key) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (form_key, centre_slug) DO NOTHING",
                    )
                    .bind(centre)
                    .bind(&quarter)
                    .bind(now)
                    .bind(by)
                    .bind(key)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if fresh == 1 {
                        sqlx::query(INSERT_MESSAGE)
                            .bind(message.kind)
                            .bind(Recipient::Centre(centre.clone()).stored())
                            .bind(message.subject)
                            .bind(message.body)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        queued += 1;
                    }
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(queued)
            }
            .await
        })?;
        Ok(queued)
    }

    /// When each centre was last reminded of `quarter`'s return.
    pub async fn reminders_in(&self, quarter: Quarter) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(on_read!(self, |pool| {
            sqlx::query_as("SELECT centre_slug, MAX(at) FROM return_reminders WHERE quarter = $1 GROUP BY centre_slug")
                .bind(quarter.to_string())
                .fetch_all(pool)
                .await
        })?)
    }
}

/// The answers to NACCC's questions among a return's fields (`q-…`).
fn answers_of(fields: &Fields) -> Fields {
    fields
        .iter()
        .filter(|(k, _)| shared::returns::questions::is_answer_field(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn facts_of(r: FactsRow) -> Result<CaseFacts, StoreError> {
    let corrupt = |what: &str| StoreError::CorruptRow(format!("case facts: {what}"));
    let service = match ContactService::from_code(&r.service).ok_or_else(|| corrupt("service"))? {
        ContactService::Supervised => Service::Supervised,
        ContactService::Supported | ContactService::Handover => Service::Supported,
    };
    let state: Option<CaseState> = r.case_state.as_deref().map(|s| json("case state", s)).transpose()?;
    let date = shared::uk_time::uk_date;
    let closed = match (&state, r.closed_at) {
        (Some(CaseState::Closed { outcome, .. }), Some(at)) => Some((date(at), *outcome)),
        _ => None::<(time::Date, CloseOutcome)>,
    };
    Ok(CaseFacts {
        service,
        received: date(r.submitted_at),
        accepted: r.accepted_at.map(date),
        rejected: r.rejected_at.map(date),
        closed,
        children: r.children.and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
        sessions: state.as_ref().map(CaseFacts::sessions_of).unwrap_or_default(),
    })
}
