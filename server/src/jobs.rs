//! Background jobs of a running server.

use crate::store::{Actor, AuditEvent, Outcome, Store};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How often expired drafts are looked for.
const DRAFT_PURGE_EVERY: Duration = Duration::from_secs(60 * 60);

pub fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Deletes expired referral drafts now and then every hour, until the task is aborted.
pub fn spawn_draft_purge(store: Store) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(DRAFT_PURGE_EVERY);
        loop {
            every.tick().await;
            let now = unix_now();
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
