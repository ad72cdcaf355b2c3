//! The audit log: append and read. The database itself refuses changes to past entries.

use super::{Store, StoreError, on_read, on_write};

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    System,
    User(i64),
}

impl Actor {
    pub(crate) fn code(&self) -> String {
        match self {
            Self::Anonymous => "anonymous".into(),
            Self::System => "system".into(),
            Self::User(id) => format!("user:{id}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Denied,
    Failed,
}

impl Outcome {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Denied => "denied",
            Self::Failed => "failed",
        }
    }
}

/// One thing that happened. `object` and `detail` must never hold personal data: name objects by
/// reference or id, and keep details to counts and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub actor: Actor,
    pub action: &'static str,
    pub object: Option<String>,
    pub outcome: Outcome,
    pub detail: String,
}

/// An entry as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub object: Option<String>,
    pub outcome: String,
    pub detail: String,
}

/// Appends an entry (also inside another write's transaction, so the two stand or fall together).
pub(crate) const INSERT_AUDIT: &str =
    "INSERT INTO audit_log (at, actor, action, object, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6)";

impl Store {
    pub async fn record(&self, event: &AuditEvent, now: i64) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            sqlx::query(INSERT_AUDIT)
                .bind(now)
                .bind(event.actor.code())
                .bind(event.action)
                .bind(event.object.as_deref())
                .bind(event.outcome.code())
                .bind(&event.detail)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// The most recent entries, newest first (at most `limit`).
    pub async fn recent_audit(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let entries = on_read!(self, |pool| {
            sqlx::query_as(
                "SELECT id, at, actor, action, object, outcome, detail FROM audit_log ORDER BY id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        Ok(entries)
    }

    /// Entries matching `query`, newest first, at most `limit`.
    pub async fn audit_entries(&self, query: &AuditSearch<'_>, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        // One statement for both databases: an absent filter is a NULL that matches everything.
        const SQL: &str = "SELECT id, at, actor, action, object, outcome, detail FROM audit_log WHERE \
             (CAST($1 AS TEXT) IS NULL OR action = $1 OR substr(action, 1, length($1) + 1) = $1 || '.') \
             AND (CAST($2 AS TEXT) IS NULL OR actor = $2) \
             AND (CAST($3 AS TEXT) IS NULL OR outcome = $3) \
             AND (CAST($4 AS BIGINT) IS NULL OR at >= $4) \
             AND (CAST($5 AS BIGINT) IS NULL OR at < $5) \
             AND (CAST($6 AS BIGINT) IS NULL OR id < $6) \
             ORDER BY id DESC LIMIT $7";
        let entries = on_read!(self, |pool| {
            sqlx::query_as(SQL)
                .bind(query.action)
                .bind(query.actor)
                .bind(query.outcome)
                .bind(query.at_or_after)
                .bind(query.before_time)
                .bind(query.before_id)
                .bind(limit)
                .fetch_all(pool)
                .await
        })?;
        Ok(entries)
    }
}

/// What to look for in the audit log; `None` matches anything.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditSearch<'a> {
    /// An action code, or the start of one up to a dot (`staff.sign_in` finds `staff.sign_in.code`).
    pub action: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub outcome: Option<&'a str>,
    pub at_or_after: Option<i64>,
    pub before_time: Option<i64>,
    pub before_id: Option<i64>,
}
