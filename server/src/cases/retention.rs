//! Retention: a closed case's personal data is erased once it has been closed longer than the
//! retention period (two years unless configured), keeping only what the statistics need. Each
//! erasure is audit-logged by reference, without personal data. Runs as a background job.

use crate::store::{Actor, AuditEvent, Outcome, Store, StoreError};
use app::ports::Clock;
use std::sync::Arc;

pub const DEFAULT_RETENTION_DAYS: u32 = 730;
/// How often the job looks (it is idempotent; "nightly" at the latest).
const EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Erases every case closed more than `retention_days` before `now`; how many it erased.
pub async fn erase_expired(store: &Store, now: i64, retention_days: u32) -> Result<usize, StoreError> {
    let cutoff = now - i64::from(retention_days) * 86_400;
    let mut erased = 0;
    for (id, reference) in store.cases_to_erase(cutoff).await? {
        let event = AuditEvent {
            actor: Actor::System,
            action: "referral.erase",
            object: Some(reference.clone()),
            outcome: Outcome::Ok,
            detail: format!("retention_days={retention_days}"),
        };
        if store.erase_case(id, &reference, &event, now).await? {
            erased += 1;
        }
    }
    // Messages from the contact form, as long after they were handled.
    let messages = store.erase_handled_contact(cutoff).await?;
    if messages > 0 {
        let event = AuditEvent {
            actor: Actor::System,
            action: "contact.erase",
            object: None,
            outcome: Outcome::Ok,
            detail: format!("messages={messages} retention_days={retention_days}"),
        };
        store.record(&event, now).await?;
        tracing::info!(messages, "retention: erased contact messages");
    }
    Ok(erased)
}

pub fn spawn_retention(store: Store, clock: Arc<dyn Clock>, retention_days: u32) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            match erase_expired(&store, clock.now(), retention_days).await {
                Ok(0) => {}
                Ok(erased) => tracing::info!(erased, "retention: erased closed cases' personal data"),
                Err(error) => tracing::warn!(%error, "retention pass failed; will retry"),
            }
        }
    })
}
