//! Background jobs of a running server.

use crate::store::Store;
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
            match store.purge_expired_drafts(unix_now()).await {
                Ok(0) => {}
                Ok(purged) => tracing::info!(purged, "expired referral drafts deleted"),
                Err(error) => tracing::warn!(%error, "purging expired drafts failed; will retry"),
            }
        }
    })
}
