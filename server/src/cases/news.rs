//! News of changed cases, for centres' live inboxes: when a referral arrives or a case changes,
//! every server instance tells its open inbox pages (`web::live_stream`) for that centre. On PostgreSQL the
//! news travels between instances by `NOTIFY case_changes, '<centre>'`, each instance `LISTEN`ing;
//! on SQLite (one instance) an in-process channel carries it. Only a centre's slug travels, never
//! anything about the referral: the page fetches what changed through its (checked) server function.

use crate::store::Store;
use shared::Slug;
use tokio::sync::broadcast;

const CHANNEL: &str = "case_changes";

#[derive(Clone)]
pub struct CaseChanges {
    local: broadcast::Sender<String>,
    store: Store,
}

impl CaseChanges {
    pub fn new(store: Store) -> Self {
        Self { local: broadcast::channel(256).0, store }
    }

    /// News for this instance's open inbox pages: the slugs of centres with a change.
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.local.subscribe()
    }

    /// Tells every instance that `centre`'s referrals changed.
    pub async fn announce(&self, centre: &Slug) {
        match self.store.notify(CHANNEL, centre.as_str()).await {
            // PostgreSQL: the listener (ours included) hears it.
            Ok(true) => {}
            Ok(false) => {
                let _ = self.local.send(centre.as_str().to_owned());
            }
            Err(error) => {
                tracing::warn!(%error, "could not announce a case change; inboxes will catch up on reload");
                let _ = self.local.send(centre.as_str().to_owned());
            }
        }
    }

    /// On PostgreSQL, listens for other instances' (and our own) announcements and passes them to
    /// this instance's pages, reconnecting if the connection drops. Nothing to do on SQLite.
    pub fn spawn_listener(&self) -> Option<tokio::task::JoinHandle<()>> {
        let pool = self.store.postgres_pool()?;
        let local = self.local.clone();
        Some(tokio::spawn(async move {
            loop {
                match sqlx::postgres::PgListener::connect_with(&pool).await {
                    Ok(mut listener) => {
                        if let Err(error) = listener.listen(CHANNEL).await {
                            tracing::warn!(%error, "LISTEN failed; retrying");
                        } else {
                            while let Ok(notification) = listener.recv().await {
                                let _ = local.send(notification.payload().to_owned());
                            }
                        }
                    }
                    Err(error) => tracing::warn!(%error, "could not connect to listen for case changes; retrying"),
                }
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }))
    }
}
