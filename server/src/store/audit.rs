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
    fn code(&self) -> String {
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
    fn code(self) -> &'static str {
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

impl Store {
    pub async fn record(&self, event: &AuditEvent, now: i64) -> Result<(), StoreError> {
        on_write!(self, |pool| {
            sqlx::query(
                "INSERT INTO audit_log (at, actor, action, object, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            )
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
}
