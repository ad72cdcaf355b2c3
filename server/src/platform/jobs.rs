//! Background jobs of a running server.

use crate::store::{Actor, AuditEvent, Outcome, Store};
use std::time::Duration;

/// How often expired drafts are looked for.
const DRAFT_PURGE_EVERY: Duration = Duration::from_secs(60 * 60);

/// Deletes expired referral drafts (and stale code-guess counts) now and then every hour, until the
/// task is aborted. The clock is the app's, so tests can move it.
pub fn spawn_draft_purge(store: Store, clock: std::sync::Arc<dyn app::ports::Clock>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(DRAFT_PURGE_EVERY);
        loop {
            every.tick().await;
            let now = clock.now();
            if let Err(error) = store.purge_code_attempts(now).await {
                tracing::warn!(%error, "purging old code attempts failed; will retry");
            }
            match store.purge_expired_drafts(now).await {
                Ok(0) => {}
                Ok(purged) => {
                    tracing::info!(purged, "expired referral drafts deleted");
                    let event = AuditEvent {
                        actor: Actor::System,
                        action: "drafts.purge",
                        object: None,
                        outcome: Outcome::Ok,
                        detail: format!("{purged} expired drafts deleted"),
                    };
                    if let Err(error) = store.record(&event, now).await {
                        tracing::error!(%error, "could not write the audit log");
                    }
                }
                Err(error) => tracing::warn!(%error, "purging expired drafts failed; will retry"),
            }
        }
    })
}

/// How often expired sessions are deleted.
const SESSION_PURGE_EVERY: Duration = Duration::from_secs(15 * 60);

/// Deletes expired sessions every 15 minutes, until the task is aborted.
pub fn spawn_session_purge(sessions: crate::store::SessionStore) -> tokio::task::JoinHandle<()> {
    use tower_sessions::session_store::ExpiredDeletion;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(SESSION_PURGE_EVERY);
        loop {
            every.tick().await;
            if let Err(error) = sessions.delete_expired().await {
                tracing::warn!(%error, "purging expired sessions failed; will retry");
            }
        }
    })
}

/// Every minute, forgets addresses whose public rate-limit allowance is full again.
pub fn spawn_rate_limit_upkeep(edge: crate::web::edge::Edge) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            edge.forget_idle();
        }
    })
}
